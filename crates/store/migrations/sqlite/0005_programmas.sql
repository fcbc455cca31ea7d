-- Programmes and projects (a port/tech programme, a climate agreement, …) with the
-- board member responsible, and which relations take part in them.
CREATE TABLE programma (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    naam            TEXT NOT NULL,
    naam_sleutel    TEXT NOT NULL,
    omschrijving    TEXT,
    bestuurder_id   BLOB,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, naam_sleutel),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id)
);
CREATE INDEX programma_bestuurder ON programma (gemeente_id, bestuurder_id);

CREATE TABLE relatie_programma (
    gemeente_id     BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    programma_id    BLOB NOT NULL,
    -- The relation's sort key, copied so a programme's relations are read in list order.
    naam_sleutel    TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, relatie_id, programma_id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, programma_id) REFERENCES programma (gemeente_id, id)
);
CREATE INDEX relatie_programma_lijst ON relatie_programma (gemeente_id, programma_id, naam_sleutel, relatie_id);
