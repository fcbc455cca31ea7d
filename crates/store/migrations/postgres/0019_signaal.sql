-- Signals from the college to the council about a collaboration (attenderen or
-- agenderen), dated, with the council's follow-up.

CREATE TABLE signaal (
    gemeente_id      UUID NOT NULL,
    id               UUID NOT NULL,
    samenwerking_id  UUID NOT NULL,
    datum            DATE NOT NULL,
    soort            TEXT NOT NULL,
    onderwerp        TEXT NOT NULL,
    toelichting      TEXT,
    opvolging_datum  DATE,
    opvolging        TEXT,
    aangemaakt_op    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX signaal_samenwerking ON signaal (gemeente_id, samenwerking_id, datum);
CREATE INDEX signaal_datum ON signaal (gemeente_id, datum);
