-- The college's long-term agenda: items by category (I/II/III) and urgent/important
-- quadrant, planned for a meeting of college, committee or council, with the board
-- member responsible, a bestuurlijke opdracht (six answers, all empty until written)
-- and links to themes, relations and collaborations.

CREATE TABLE agendapunt (
    gemeente_id       BLOB NOT NULL,
    id                BLOB NOT NULL,
    onderwerp         TEXT NOT NULL,
    toelichting       TEXT,
    categorie         TEXT NOT NULL,
    kwadrant          TEXT NOT NULL,
    gremium           TEXT NOT NULL,
    datum             TEXT NOT NULL,
    status            TEXT NOT NULL,
    bestuurder_id     BLOB,
    opdracht_waarom   TEXT,
    opdracht_hoe      TEXT,
    opdracht_wie      TEXT,
    opdracht_wat      TEXT,
    opdracht_waar     TEXT,
    opdracht_kosten   TEXT,
    gewijzigd_op      TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, bestuurder_id) REFERENCES bestuurder (gemeente_id, id)
);
CREATE INDEX agendapunt_datum ON agendapunt (gemeente_id, datum, id);
CREATE INDEX agendapunt_bestuurder ON agendapunt (gemeente_id, bestuurder_id, datum);

CREATE TABLE agendapunt_thema (
    gemeente_id   BLOB NOT NULL,
    agendapunt_id BLOB NOT NULL,
    thema_id      BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, agendapunt_id, thema_id),
    FOREIGN KEY (gemeente_id, agendapunt_id) REFERENCES agendapunt (gemeente_id, id),
    FOREIGN KEY (gemeente_id, thema_id) REFERENCES thema (gemeente_id, id)
);
CREATE INDEX agendapunt_thema_thema ON agendapunt_thema (gemeente_id, thema_id);

CREATE TABLE agendapunt_samenwerking (
    gemeente_id     BLOB NOT NULL,
    agendapunt_id   BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, agendapunt_id, samenwerking_id),
    FOREIGN KEY (gemeente_id, agendapunt_id) REFERENCES agendapunt (gemeente_id, id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id)
);
CREATE INDEX agendapunt_samenwerking_samenwerking ON agendapunt_samenwerking (gemeente_id, samenwerking_id);

CREATE TABLE agendapunt_relatie (
    gemeente_id   BLOB NOT NULL,
    agendapunt_id BLOB NOT NULL,
    relatie_id    BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, agendapunt_id, relatie_id),
    FOREIGN KEY (gemeente_id, agendapunt_id) REFERENCES agendapunt (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX agendapunt_relatie_relatie ON agendapunt_relatie (gemeente_id, relatie_id);
