-- Stakeholder analysis: dated assessments of a relation in a context (a theme, a
-- programme or a free issue), every one kept so that movement shows.

-- A free issue an analysis can be about ("herinrichting stationsgebied").
CREATE TABLE vraagstuk (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    naam            TEXT NOT NULL,
    naam_sleutel    TEXT NOT NULL,
    omschrijving    TEXT,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, naam_sleutel)
);

-- The context is a theme, programme or vraagstuk of the same tenant; the application
-- checks it exists (one column cannot reference three tables).
CREATE TABLE beoordeling (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    context_soort   TEXT NOT NULL,
    context_id      BLOB NOT NULL,
    datum           TEXT NOT NULL,
    invloed         INTEGER NOT NULL CHECK (invloed BETWEEN 1 AND 5),
    belang          INTEGER NOT NULL CHECK (belang BETWEEN 1 AND 5),
    houding         TEXT NOT NULL,
    kwaliteit       INTEGER CHECK (kwaliteit BETWEEN 1 AND 5),
    toelichting     TEXT,
    auteur_id       BLOB,
    auteur_naam     TEXT NOT NULL,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);
-- The map: the latest two per relation in a context.
CREATE INDEX beoordeling_context ON beoordeling (gemeente_id, context_soort, context_id, relatie_id, datum, id);
-- A relation's own assessments, newest first.
CREATE INDEX beoordeling_relatie ON beoordeling (gemeente_id, relatie_id, datum, id);
