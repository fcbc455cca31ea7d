-- The programmes of the college a collaboration contributes to.

CREATE TABLE samenwerking_programma (
    gemeente_id     UUID NOT NULL,
    samenwerking_id UUID NOT NULL,
    programma_id    UUID NOT NULL,
    PRIMARY KEY (gemeente_id, samenwerking_id, programma_id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id),
    FOREIGN KEY (gemeente_id, programma_id) REFERENCES programma (gemeente_id, id)
);
CREATE INDEX samenwerking_programma_programma ON samenwerking_programma (gemeente_id, programma_id);
