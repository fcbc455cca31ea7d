-- How much a relation matters (belang), what to be careful about with it
-- (gevoeligheden, for the briefing), and how often the municipality wants to be in
-- touch: a contact norm in days per importance and per type of organisation.

ALTER TABLE relatie ADD COLUMN belang TEXT;
ALTER TABLE relatie ADD COLUMN gevoeligheden TEXT;
CREATE INDEX relatie_belang ON relatie (gemeente_id, belang, naam_sleutel, id);

-- sleutel is 'belang:<code>' or 'type:<code>'; a relation's norm is the strictest
-- that applies to it.
CREATE TABLE contactnorm (
    gemeente_id     UUID NOT NULL REFERENCES gemeente (id),
    sleutel         TEXT NOT NULL,
    dagen           BIGINT NOT NULL CHECK (dagen > 0),
    PRIMARY KEY (gemeente_id, sleutel)
);
