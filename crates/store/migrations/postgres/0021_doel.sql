-- The goals of a collaboration with their evaluation criterion, target and result.

CREATE TABLE doel (
    gemeente_id     UUID NOT NULL,
    id              UUID NOT NULL,
    samenwerking_id UUID NOT NULL,
    omschrijving    TEXT NOT NULL,
    criterium       TEXT,
    streefwaarde    TEXT,
    resultaat       TEXT,
    gewijzigd_op    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX doel_samenwerking ON doel (gemeente_id, samenwerking_id);
