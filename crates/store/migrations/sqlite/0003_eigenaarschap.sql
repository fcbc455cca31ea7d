-- The municipality inside, part 2: departments and teams, employees, and who owns
-- each relation (accounthouder, plaatsvervanger, bestuurlijk aanspreekpunt), dated.

CREATE TABLE organisatieonderdeel (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    naam            TEXT NOT NULL,
    naam_sleutel    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, naam_sleutel)
);

CREATE TABLE medewerker (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    naam            TEXT NOT NULL,
    naam_sleutel    TEXT NOT NULL,
    functie         TEXT,
    email           TEXT,
    telefoon        TEXT,
    onderdeel_id    BLOB,
    actief          INTEGER NOT NULL DEFAULT 1,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, onderdeel_id) REFERENCES organisatieonderdeel (gemeente_id, id)
);
CREATE INDEX medewerker_naam ON medewerker (gemeente_id, naam_sleutel, id);
CREATE INDEX medewerker_onderdeel ON medewerker (gemeente_id, onderdeel_id);

-- One row per period of stewardship; the current owner has no end date. History is
-- data: "who owned relation X on 1 March?" is a query on van/tot.
CREATE TABLE eigenaarschap (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    rol             TEXT NOT NULL,
    medewerker_id   BLOB,
    bestuurder_id   BLOB,
    van             TEXT NOT NULL,
    tot             TEXT,
    notitie         TEXT,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, medewerker_id) REFERENCES medewerker (gemeente_id, id),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id),
    CHECK ((medewerker_id IS NULL) <> (bestuurder_id IS NULL))
);
CREATE INDEX eigenaarschap_relatie ON eigenaarschap (gemeente_id, relatie_id, rol, van);
CREATE INDEX eigenaarschap_medewerker ON eigenaarschap (gemeente_id, medewerker_id, tot);
CREATE INDEX eigenaarschap_bestuurder ON eigenaarschap (gemeente_id, bestuurder_id, tot);
