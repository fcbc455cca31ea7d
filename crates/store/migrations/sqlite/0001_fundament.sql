-- Foundation: tenants, accounts, sessions, the relation register and the audit log.
-- Every table is keyed by gemeente_id first; no foreign key crosses tenants.

CREATE TABLE gemeente (
    id              BLOB PRIMARY KEY,
    naam            TEXT NOT NULL,
    cbs_code        TEXT NOT NULL UNIQUE,
    demo            INTEGER NOT NULL DEFAULT 0,
    aangemaakt_op   TEXT NOT NULL
);

CREATE TABLE gebruiker (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    gebruikersnaam  TEXT NOT NULL,
    naam            TEXT NOT NULL,
    rol             TEXT NOT NULL,
    wachtwoord_hash TEXT NOT NULL,
    actief          INTEGER NOT NULL DEFAULT 1,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, gebruikersnaam)
);

CREATE TABLE sessie (
    gemeente_id     BLOB NOT NULL,
    token_hash      BLOB NOT NULL,
    gebruiker_id    BLOB NOT NULL,
    csrf_token      TEXT NOT NULL,
    aangemaakt_op   INTEGER NOT NULL,
    laatst_actief_op INTEGER NOT NULL,
    PRIMARY KEY (gemeente_id, token_hash),
    FOREIGN KEY (gemeente_id, gebruiker_id) REFERENCES gebruiker (gemeente_id, id)
);
CREATE INDEX sessie_gebruiker ON sessie (gemeente_id, gebruiker_id);

CREATE TABLE inlogpoging (
    gemeente_id     BLOB NOT NULL,
    sleutel         TEXT NOT NULL,
    tijdstip        INTEGER NOT NULL
);
CREATE INDEX inlogpoging_sleutel ON inlogpoging (gemeente_id, sleutel, tijdstip);

CREATE TABLE relatie (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    soort           TEXT NOT NULL,
    naam            TEXT NOT NULL,
    naam_sleutel    TEXT NOT NULL,
    organisatietype TEXT,
    kvk_nummer      TEXT,
    website         TEXT,
    email           TEXT,
    telefoon        TEXT,
    moeder_id       BLOB,
    toelichting     TEXT,
    gearchiveerd    INTEGER NOT NULL DEFAULT 0,
    aangemaakt_op   TEXT NOT NULL,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, moeder_id) REFERENCES relatie (gemeente_id, id)
);
-- Each list filter has an index that also gives the list order, so a page is read
-- in order and the scan stops after one page (no sort of all matching rows).
CREATE INDEX relatie_naam ON relatie (gemeente_id, naam_sleutel, id);
CREATE INDEX relatie_status ON relatie (gemeente_id, gearchiveerd, naam_sleutel, id);
CREATE INDEX relatie_soort ON relatie (gemeente_id, soort, naam_sleutel, id);
CREATE INDEX relatie_type ON relatie (gemeente_id, organisatietype, naam_sleutel, id);
CREATE INDEX relatie_kvk ON relatie (gemeente_id, kvk_nummer);
CREATE INDEX relatie_moeder ON relatie (gemeente_id, moeder_id, naam_sleutel, id);

CREATE TABLE adres (
    gemeente_id     BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    soort           TEXT NOT NULL,
    straat          TEXT,
    huisnummer      TEXT,
    postcode        TEXT,
    plaats          TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, relatie_id, soort),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);

CREATE TABLE relatie_tag (
    gemeente_id     BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    tag             TEXT NOT NULL,
    tag_sleutel     TEXT NOT NULL,
    -- The relation's sort key, copied so a tag filter reads its page in list order.
    naam_sleutel    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, relatie_id, tag_sleutel),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX relatie_tag_sleutel ON relatie_tag (gemeente_id, tag_sleutel, naam_sleutel, relatie_id);

CREATE TABLE contactpersoon (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    persoon_id      BLOB NOT NULL,
    organisatie_id  BLOB NOT NULL,
    functie         TEXT,
    sleutelpersoon  INTEGER NOT NULL DEFAULT 0,
    van             TEXT,
    tot             TEXT,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, persoon_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, organisatie_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX contactpersoon_organisatie ON contactpersoon (gemeente_id, organisatie_id);
CREATE INDEX contactpersoon_persoon ON contactpersoon (gemeente_id, persoon_id);

CREATE TABLE relatieverband (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    van_id          BLOB NOT NULL,
    naar_id         BLOB NOT NULL,
    soort           TEXT NOT NULL,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, van_id, naar_id, soort),
    FOREIGN KEY (gemeente_id, van_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, naar_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX relatieverband_naar ON relatieverband (gemeente_id, naar_id);

CREATE TABLE auditregel (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    tijdstip        TEXT NOT NULL,
    actor_id        BLOB,
    actor_naam      TEXT NOT NULL,
    actie           TEXT NOT NULL,
    object_soort    TEXT NOT NULL,
    object_id       BLOB,
    resultaat       TEXT NOT NULL,
    oorsprong       TEXT NOT NULL,
    toelichting     TEXT,
    PRIMARY KEY (gemeente_id, id)
);
CREATE INDEX auditregel_object ON auditregel (gemeente_id, object_id, id);

-- Append-only: the audit log can be added to, never changed or emptied.
CREATE TRIGGER auditregel_geen_wijziging BEFORE UPDATE ON auditregel
BEGIN SELECT RAISE(ABORT, 'auditregel is append-only'); END;
CREATE TRIGGER auditregel_geen_verwijdering BEFORE DELETE ON auditregel
BEGIN SELECT RAISE(ABORT, 'auditregel is append-only'); END;
