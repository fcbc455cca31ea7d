-- Retention periods per kind of record, set by the beheerder; a kind without a row is
-- kept. A job removes what has passed its period (see app::bewaartermijn).
CREATE TABLE bewaartermijn (
    gemeente_id   BLOB NOT NULL,
    soort         TEXT NOT NULL,
    maanden       INTEGER NOT NULL CHECK (maanden BETWEEN 1 AND 600),
    bijgewerkt_op TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, soort)
);
-- Archived persons by their last change, for the job.
CREATE INDEX relatie_gearchiveerd_gewijzigd ON relatie (gemeente_id, soort, gearchiveerd, gewijzigd_op);
