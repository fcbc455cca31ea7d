-- The organisations taking part in a collaboration, with their share of the costs and
-- of the votes (hundredths of a percent, 2550 = 25,50 %).

CREATE TABLE deelnemer (
    gemeente_id     BLOB NOT NULL,
    samenwerking_id BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    kostenaandeel   INTEGER CHECK (kostenaandeel BETWEEN 0 AND 10000),
    stemaandeel     INTEGER CHECK (stemaandeel BETWEEN 0 AND 10000),
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, samenwerking_id, relatie_id),
    FOREIGN KEY (gemeente_id, samenwerking_id) REFERENCES samenwerkingsverband (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX deelnemer_relatie ON deelnemer (gemeente_id, relatie_id);
