-- The municipality inside, part 1: domains, the college (board members and their
-- portfolios) and the council's themes, and which themes a relation belongs to.

CREATE TABLE domein (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    naam            TEXT NOT NULL,
    volgorde        INTEGER NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, naam)
);

CREATE TABLE bestuurder (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    naam            TEXT NOT NULL,
    naam_sleutel    TEXT NOT NULL,
    functie         TEXT NOT NULL,
    email           TEXT,
    telefoon        TEXT,
    actief          INTEGER NOT NULL DEFAULT 1,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id)
);
CREATE INDEX bestuurder_naam ON bestuurder (gemeente_id, naam_sleutel, id);

CREATE TABLE portefeuille (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    naam            TEXT NOT NULL,
    domein_id       BLOB NOT NULL,
    bestuurder_id   BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, domein_id) REFERENCES domein (gemeente_id, id),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id)
);
CREATE INDEX portefeuille_bestuurder ON portefeuille (gemeente_id, bestuurder_id);

CREATE TABLE thema (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    nummer          INTEGER NOT NULL,
    naam            TEXT NOT NULL,
    aandachtsveld   TEXT NOT NULL,
    extra_aandacht  INTEGER NOT NULL DEFAULT 0,
    regie_id        BLOB,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, naam),
    FOREIGN KEY (gemeente_id, regie_id) REFERENCES bestuurder (gemeente_id, id)
);
CREATE INDEX thema_regie ON thema (gemeente_id, regie_id);

CREATE TABLE relatie_thema (
    gemeente_id     BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    thema_id        BLOB NOT NULL,
    -- The relation's sort key, copied so a theme's relations are read in list order.
    naam_sleutel    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, relatie_id, thema_id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, thema_id) REFERENCES thema (gemeente_id, id)
);
CREATE INDEX relatie_thema_lijst ON relatie_thema (gemeente_id, thema_id, naam_sleutel, relatie_id);
