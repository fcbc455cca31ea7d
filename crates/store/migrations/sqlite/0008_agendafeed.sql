-- A personal iCalendar feed per account: a secret link for Outlook, stored only as a
-- hash, one per account, revocable by making a new one or withdrawing it.

CREATE TABLE agendafeed (
    gemeente_id     BLOB NOT NULL,
    gebruiker_id    BLOB NOT NULL,
    token_hash      BLOB NOT NULL,
    aangemaakt_op   TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, gebruiker_id),
    FOREIGN KEY (gemeente_id, gebruiker_id) REFERENCES gebruiker (gemeente_id, id)
);
CREATE UNIQUE INDEX agendafeed_token ON agendafeed (gemeente_id, token_hash);
