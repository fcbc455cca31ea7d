-- Signals from the college to the council about a collaboration (attenderen or
-- agenderen), dated, with the council's follow-up.

CREATE TABLE signaal (
    gemeente_id      BLOB NOT NULL,
    id               BLOB NOT NULL,
    samenwerking_id  BLOB NOT NULL,
    datum            TEXT NOT NULL,
    soort            TEXT NOT NULL,
    onderwerp        TEXT NOT NULL,
    toelichting      TEXT,
    opvolging_datum  TEXT,
    opvolging        TEXT,
    aangemaakt_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX signaal_samenwerking ON signaal (gemeente_id, samenwerking_id, datum);
CREATE INDEX signaal_datum ON signaal (gemeente_id, datum);
