-- A lobbygesprek can belong to one lobby and communication strategy; the strategy's
-- page lists its talks (as far as the reader may see them).

CREATE TABLE strategie_contactmoment (
    gemeente_id      UUID NOT NULL,
    contactmoment_id UUID NOT NULL,
    strategie_id     UUID NOT NULL,
    PRIMARY KEY (gemeente_id, contactmoment_id),
    FOREIGN KEY (gemeente_id, contactmoment_id) REFERENCES contactmoment (gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (gemeente_id, strategie_id) REFERENCES strategie (gemeente_id, id)
);
CREATE INDEX strategie_contactmoment_strategie ON strategie_contactmoment (gemeente_id, strategie_id);
