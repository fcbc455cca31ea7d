-- Per collaboration and year the figures the council and the BBV paragraph need, each
-- with its status (begroot, voorlopig, definitief) and source document.

CREATE TABLE jaarcijfer (
    gemeente_id     BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    jaar            INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
    soort           TEXT NOT NULL,
    bedrag_centen   INTEGER NOT NULL,
    valuta          TEXT NOT NULL DEFAULT 'EUR',
    status          TEXT NOT NULL,
    bron            TEXT,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, samenwerking_id, jaar, soort),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX jaarcijfer_jaar ON jaarcijfer (gemeente_id, jaar, soort);
