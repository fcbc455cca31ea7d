-- Contact with relations: contact moments with their external and internal participants
-- and themes, the follow-ups agreed (acties) and the promises made (toezeggingen).
-- Times of contact are the municipality's wall-clock time (Europe/Amsterdam), as people
-- enter and read them; they are truncated to the minute so they sort as text too.

CREATE TABLE contactsoort (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    code            TEXT NOT NULL,
    naam            TEXT NOT NULL,
    volgorde        INTEGER NOT NULL,
    actief          INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (gemeente_id, code),
    UNIQUE (gemeente_id, naam)
);
-- Existing tenants get the standard kinds; new ones get them when created.
INSERT INTO contactsoort (gemeente_id, code, naam, volgorde)
SELECT g.id, s.code, s.naam, s.volgorde FROM gemeente g CROSS JOIN (
    SELECT 'overleg' AS code, 'Overleg' AS naam, 1 AS volgorde
    UNION ALL SELECT 'werkbezoek', 'Werkbezoek', 2
    UNION ALL SELECT 'telefoon', 'Telefoongesprek', 3
    UNION ALL SELECT 'e-mail', 'E-mail', 4
    UNION ALL SELECT 'evenement', 'Evenement', 5
    UNION ALL SELECT 'relatiegesprek', 'Relatiegesprek', 6
    UNION ALL SELECT 'lobbygesprek', 'Lobbygesprek', 7
) s;

CREATE TABLE contactmoment (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    tijdstip        TEXT NOT NULL,
    soort           TEXT NOT NULL,
    onderwerp       TEXT NOT NULL,
    verslag         TEXT,
    zaaknummer      TEXT,
    vertrouwelijk   INTEGER NOT NULL DEFAULT 0,
    auteur_id       BLOB,
    auteur_naam     TEXT NOT NULL,
    aangemaakt_op   TEXT NOT NULL,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, soort) REFERENCES contactsoort (gemeente_id, code)
);
CREATE INDEX contactmoment_tijdstip ON contactmoment (gemeente_id, tijdstip, id);

-- The organisations and persons met. The contact's time is copied so a relation's
-- timeline is read newest first from one index and stops after one page.
CREATE TABLE contactmoment_relatie (
    gemeente_id     BLOB NOT NULL,
    contactmoment_id BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    tijdstip        TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, contactmoment_id, relatie_id),
    FOREIGN KEY (gemeente_id, contactmoment_id) REFERENCES contactmoment (gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX contactmoment_relatie_tijdlijn ON contactmoment_relatie (gemeente_id, relatie_id, tijdstip, contactmoment_id);

-- Who of ours was there: employees and board members.
CREATE TABLE contactmoment_deelnemer (
    gemeente_id     BLOB NOT NULL,
    contactmoment_id BLOB NOT NULL,
    medewerker_id   BLOB,
    bestuurder_id   BLOB,
    FOREIGN KEY (gemeente_id, contactmoment_id) REFERENCES contactmoment (gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (gemeente_id, medewerker_id) REFERENCES medewerker (gemeente_id, id),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id),
    CHECK ((medewerker_id IS NULL) <> (bestuurder_id IS NULL))
);
CREATE INDEX contactmoment_deelnemer_moment ON contactmoment_deelnemer (gemeente_id, contactmoment_id);
CREATE INDEX contactmoment_deelnemer_medewerker ON contactmoment_deelnemer (gemeente_id, medewerker_id);
CREATE INDEX contactmoment_deelnemer_bestuurder ON contactmoment_deelnemer (gemeente_id, bestuurder_id);

CREATE TABLE contactmoment_thema (
    gemeente_id     BLOB NOT NULL,
    contactmoment_id BLOB NOT NULL,
    thema_id        BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, contactmoment_id, thema_id),
    FOREIGN KEY (gemeente_id, contactmoment_id) REFERENCES contactmoment (gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (gemeente_id, thema_id) REFERENCES thema (gemeente_id, id)
);
CREATE INDEX contactmoment_thema_thema ON contactmoment_thema (gemeente_id, thema_id);

CREATE TABLE contactmoment_programma (
    gemeente_id     BLOB NOT NULL,
    contactmoment_id BLOB NOT NULL,
    programma_id    BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, contactmoment_id, programma_id),
    FOREIGN KEY (gemeente_id, contactmoment_id) REFERENCES contactmoment (gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (gemeente_id, programma_id) REFERENCES programma (gemeente_id, id)
);
CREATE INDEX contactmoment_programma_programma ON contactmoment_programma (gemeente_id, programma_id);

-- A follow-up. `tijdstip` is when it was agreed (its contact moment's time, or when it
-- was recorded), for the timeline; the owner's list reads by owner, status, deadline.
CREATE TABLE actie (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    omschrijving    TEXT NOT NULL,
    relatie_id      BLOB NOT NULL,
    contactmoment_id BLOB,
    medewerker_id   BLOB,
    bestuurder_id   BLOB,
    deadline        TEXT,
    status          TEXT NOT NULL,
    tijdstip        TEXT NOT NULL,
    afgerond_op     TEXT,
    auteur_id       BLOB,
    aangemaakt_op   TEXT NOT NULL,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, contactmoment_id) REFERENCES contactmoment (gemeente_id, id),
    FOREIGN KEY (gemeente_id, medewerker_id) REFERENCES medewerker (gemeente_id, id),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id),
    CHECK ((medewerker_id IS NULL) <> (bestuurder_id IS NULL))
);
CREATE INDEX actie_relatie ON actie (gemeente_id, relatie_id, tijdstip, id);
CREATE INDEX actie_medewerker ON actie (gemeente_id, medewerker_id, status, deadline);
CREATE INDEX actie_bestuurder ON actie (gemeente_id, bestuurder_id, status, deadline);
CREATE INDEX actie_contactmoment ON actie (gemeente_id, contactmoment_id);
CREATE INDEX actie_relatie_status ON actie (gemeente_id, relatie_id, status, deadline);
CREATE INDEX actie_medewerker_afgerond ON actie (gemeente_id, medewerker_id, afgerond_op);
CREATE INDEX actie_bestuurder_afgerond ON actie (gemeente_id, bestuurder_id, afgerond_op);

-- A promise to a partner: what, by whom (ours), to whom (the organisation and maybe a
-- person there), by when, and how it ended.
CREATE TABLE toezegging (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    omschrijving    TEXT NOT NULL,
    relatie_id      BLOB NOT NULL,
    aan_id          BLOB,
    contactmoment_id BLOB,
    medewerker_id   BLOB,
    bestuurder_id   BLOB,
    deadline        TEXT,
    status          TEXT NOT NULL,
    toelichting     TEXT,
    tijdstip        TEXT NOT NULL,
    auteur_id       BLOB,
    aangemaakt_op   TEXT NOT NULL,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, aan_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, contactmoment_id) REFERENCES contactmoment (gemeente_id, id),
    FOREIGN KEY (gemeente_id, medewerker_id) REFERENCES medewerker (gemeente_id, id),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id),
    CHECK ((medewerker_id IS NULL) <> (bestuurder_id IS NULL))
);
CREATE INDEX toezegging_relatie ON toezegging (gemeente_id, relatie_id, tijdstip, id);
CREATE INDEX toezegging_relatie_status ON toezegging (gemeente_id, relatie_id, status);
CREATE INDEX toezegging_medewerker ON toezegging (gemeente_id, medewerker_id, status, deadline);
CREATE INDEX toezegging_bestuurder ON toezegging (gemeente_id, bestuurder_id, status, deadline);
CREATE INDEX toezegging_contactmoment ON toezegging (gemeente_id, contactmoment_id);
