-- What the council controls a collaboration on besides its figures: risks per year,
-- progress reports and evaluations (planned, done, outcome, council date).

CREATE TABLE risico (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    jaar            INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
    omschrijving    TEXT NOT NULL,
    kans            INTEGER NOT NULL CHECK (kans BETWEEN 1 AND 5),
    impact          INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    maatregelen     TEXT,
    bedrag_centen   INTEGER,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX risico_samenwerking ON risico (gemeente_id, samenwerking_id, jaar);
CREATE INDEX risico_jaar ON risico (gemeente_id, jaar);

CREATE TABLE voortgang (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    datum           TEXT NOT NULL,
    stand           TEXT NOT NULL,
    samenvatting    TEXT NOT NULL,
    bron            TEXT,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX voortgang_samenwerking ON voortgang (gemeente_id, samenwerking_id, datum);

CREATE TABLE evaluatie (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    onderwerp       TEXT NOT NULL,
    gepland         TEXT NOT NULL,
    uitgevoerd      TEXT,
    uitkomst        TEXT,
    raadsdatum      TEXT,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX evaluatie_samenwerking ON evaluatie (gemeente_id, samenwerking_id, gepland);
