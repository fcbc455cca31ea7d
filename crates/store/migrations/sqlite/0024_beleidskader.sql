-- The register of policy frameworks relevant for collaboration (alliance framework
-- 1.3): a summary a council member understands, why it matters, the link to the
-- document, and the themes and collaborations it governs.

CREATE TABLE beleidskader (
    gemeente_id     BLOB NOT NULL,
    id              BLOB NOT NULL,
    titel           TEXT NOT NULL,
    titel_sleutel   TEXT NOT NULL,
    relevantie      TEXT NOT NULL,
    samenvatting    TEXT NOT NULL,
    link            TEXT,
    vastgesteld_op  TEXT,
    gewijzigd_op    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id)
);
CREATE UNIQUE INDEX beleidskader_titel ON beleidskader (gemeente_id, titel_sleutel);

CREATE TABLE beleidskader_thema (
    gemeente_id     BLOB NOT NULL,
    beleidskader_id BLOB NOT NULL,
    thema_id        BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, beleidskader_id, thema_id),
    FOREIGN KEY (gemeente_id, beleidskader_id) REFERENCES beleidskader (gemeente_id, id),
    FOREIGN KEY (gemeente_id, thema_id) REFERENCES thema (gemeente_id, id)
);
CREATE INDEX beleidskader_thema_thema ON beleidskader_thema (gemeente_id, thema_id);

CREATE TABLE beleidskader_samenwerking (
    gemeente_id     BLOB NOT NULL,
    beleidskader_id BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, beleidskader_id, samenwerking_id),
    FOREIGN KEY (gemeente_id, beleidskader_id) REFERENCES beleidskader (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX beleidskader_samenwerking_samenwerking ON beleidskader_samenwerking (gemeente_id, samenwerking_id);
