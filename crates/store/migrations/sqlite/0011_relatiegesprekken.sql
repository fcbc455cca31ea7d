-- Relationship reviews (relatiegesprekken): scores on the dimensions a municipality
-- sets, from our side and from the partner's, with a one-time link for the partner.

CREATE TABLE reviewdimensie (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    code            TEXT NOT NULL,
    naam            TEXT NOT NULL,
    volgorde        INTEGER NOT NULL,
    actief          INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (gemeente_id, code),
    UNIQUE (gemeente_id, naam)
);
-- Existing tenants get the standard dimensions; new ones get them when created.
INSERT INTO reviewdimensie (gemeente_id, code, naam, volgorde)
SELECT g.id, s.code, s.naam, s.volgorde FROM gemeente g CROSS JOIN (
    SELECT 'bereikbaarheid' AS code, 'Bereikbaarheid' AS naam, 1 AS volgorde
    UNION ALL SELECT 'betrouwbaarheid', 'Betrouwbaarheid', 2
    UNION ALL SELECT 'openheid', 'Openheid', 3
    UNION ALL SELECT 'meedenken', 'Meedenken', 4
    UNION ALL SELECT 'snelheid', 'Snelheid', 5
) s;

-- `jaar` is the year of `datum`, kept so trends group by year the same way on both
-- databases.
CREATE TABLE relatiegesprek (
    gemeente_id     BLOB NOT NULL REFERENCES gemeente (id),
    id              BLOB NOT NULL,
    relatie_id      BLOB NOT NULL,
    datum           TEXT NOT NULL,
    jaar            INTEGER NOT NULL,
    goed            TEXT,
    beter           TEXT,
    partner_goed    TEXT,
    partner_beter   TEXT,
    partner_op      TEXT,
    auteur_id       BLOB,
    auteur_naam     TEXT NOT NULL,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX relatiegesprek_relatie ON relatiegesprek (gemeente_id, relatie_id, datum, id);

CREATE TABLE reviewscore (
    gemeente_id     BLOB NOT NULL,
    relatiegesprek_id BLOB NOT NULL,
    bron            TEXT NOT NULL,
    dimensie        TEXT NOT NULL,
    score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (gemeente_id, relatiegesprek_id, bron, dimensie),
    FOREIGN KEY (gemeente_id, relatiegesprek_id) REFERENCES relatiegesprek (gemeente_id, id) ON DELETE CASCADE
);

-- Only the hash of the partner's secret is kept; one review, expires, used once.
CREATE TABLE partnerlink (
    gemeente_id     BLOB NOT NULL,
    token_hash      BLOB NOT NULL,
    relatiegesprek_id BLOB NOT NULL,
    verloopt_op     TEXT NOT NULL,
    gebruikt_op     TEXT,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, token_hash),
    FOREIGN KEY (gemeente_id, relatiegesprek_id) REFERENCES relatiegesprek (gemeente_id, id) ON DELETE CASCADE
);
CREATE INDEX partnerlink_gesprek ON partnerlink (gemeente_id, relatiegesprek_id);

-- Actions agreed in a review become follow-ups of the relation.
ALTER TABLE actie ADD COLUMN relatiegesprek_id BLOB;
CREATE INDEX actie_relatiegesprek ON actie (gemeente_id, relatiegesprek_id);
