-- A gemeenschappelijke regeling's own schedule of the Wgr budget cycle: per calendar
-- year and step a deadline other than the legal one, and when the step was done.
-- Steps without a row follow the law (computed in the domain).

CREATE TABLE wgr_termijn (
    gemeente_id     UUID NOT NULL,
    samenwerking_id UUID NOT NULL,
    jaar            BIGINT NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
    mijlpaal        TEXT NOT NULL,
    datum           DATE,
    gedaan          DATE,
    gewijzigd_op    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (gemeente_id, samenwerking_id, jaar, mijlpaal),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX wgr_termijn_jaar ON wgr_termijn (gemeente_id, jaar);
