-- Spreadsheet imports. An uploaded file waits in the database (so any app node can map,
-- preview and run it) until it is imported; then its content is dropped and the row
-- stays as the record of what was imported, by whom, with what result. `gestart_op` is
-- Unix seconds so a stale run can be taken over with one portable comparison.

CREATE TABLE importbestand (
    gemeente_id       BLOB NOT NULL,
    id                BLOB NOT NULL,
    soort             TEXT NOT NULL,
    bestandsnaam      TEXT NOT NULL,
    inhoud            BLOB,
    kolommen          TEXT NOT NULL,
    indeling_sleutel  TEXT NOT NULL,
    koppeling         TEXT,
    status            TEXT NOT NULL,
    aantal_rijen      INTEGER NOT NULL,
    geimporteerd      INTEGER NOT NULL DEFAULT 0,
    overgeslagen      INTEGER NOT NULL DEFAULT 0,
    melding           TEXT,
    gebruiker_id      BLOB,
    gebruiker_naam    TEXT NOT NULL,
    aangemaakt_op     TEXT NOT NULL,
    gestart_op        INTEGER,
    klaar_op          TEXT,
    PRIMARY KEY (gemeente_id, id)
);

-- The mapping last used for a layout of columns, offered again for the next such file.
CREATE TABLE importindeling (
    gemeente_id   BLOB NOT NULL,
    soort         TEXT NOT NULL,
    sleutel       TEXT NOT NULL,
    koppeling     TEXT NOT NULL,
    bijgewerkt_op TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, soort, sleutel)
);

-- Imports find existing records through relatie_kvk, relatie_soort and the unique
-- name of samenwerkingsverband: no new index needed.
