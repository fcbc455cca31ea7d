-- Programmes and projects (a port/tech programme, a climate agreement, …) with the
-- board member responsible, and which relations take part in them.
CREATE TABLE programma (
    gemeente_id     UUID NOT NULL REFERENCES gemeente (id),
    id              UUID NOT NULL,
    naam            TEXT NOT NULL,
    naam_sleutel    TEXT COLLATE "C" NOT NULL,
    omschrijving    TEXT,
    bestuurder_id   UUID,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, naam_sleutel),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id)
);
CREATE INDEX programma_bestuurder ON programma (gemeente_id, bestuurder_id);

CREATE TABLE relatie_programma (
    gemeente_id     UUID NOT NULL,
    relatie_id      UUID NOT NULL,
    programma_id    UUID NOT NULL,
    -- The relation's sort key, copied so a programme's relations are read in list order.
    naam_sleutel    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (gemeente_id, relatie_id, programma_id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, programma_id) REFERENCES programma (gemeente_id, id)
);
CREATE INDEX relatie_programma_lijst ON relatie_programma (gemeente_id, programma_id, naam_sleutel, relatie_id);
