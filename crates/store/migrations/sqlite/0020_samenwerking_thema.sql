-- The council themes a collaboration serves: the council overview groups by them and a
-- theme page lists its collaborations.

CREATE TABLE samenwerking_thema (
    gemeente_id     BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    thema_id        BLOB NOT NULL,
    PRIMARY KEY (gemeente_id, samenwerking_id, thema_id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id),
    FOREIGN KEY (gemeente_id, thema_id) REFERENCES thema (gemeente_id, id)
);
CREATE INDEX samenwerking_thema_thema ON samenwerking_thema (gemeente_id, thema_id);
