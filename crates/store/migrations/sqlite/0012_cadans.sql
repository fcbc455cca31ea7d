-- How often relations of each importance are reviewed (relatiegesprek) and assessed
-- (stakeholderbeoordeling), in months, as the beheerder sets it. A relation whose last
-- one is older than its cadence is due and shows on its owner's start page.

CREATE TABLE cadans (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    soort           TEXT NOT NULL,
    belang          TEXT NOT NULL,
    maanden         INTEGER NOT NULL CHECK (maanden BETWEEN 1 AND 60),
    PRIMARY KEY (gemeente_id, soort, belang)
);
