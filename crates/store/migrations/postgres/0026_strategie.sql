-- Lobby and communication strategies: per context (theme, programme, collaboration or
-- issue) a goal, key messages, channels, status and outcome; the relations it targets;
-- and the follow-ups (actie) planned for it.

CREATE TABLE strategie (
    gemeente_id       UUID NOT NULL,
    id                UUID NOT NULL,
    titel             TEXT NOT NULL,
    titel_sleutel     TEXT NOT NULL,
    context_soort     TEXT NOT NULL,
    context_id        UUID NOT NULL,
    doel              TEXT NOT NULL,
    kernboodschappen  TEXT,
    kanalen           TEXT,
    status            TEXT NOT NULL,
    uitkomst          TEXT,
    gestart_op        DATE NOT NULL,
    gewijzigd_op      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (gemeente_id, id)
);
CREATE INDEX strategie_status ON strategie (gemeente_id, status, titel_sleutel, id);
CREATE INDEX strategie_context ON strategie (gemeente_id, context_soort, context_id);

CREATE TABLE strategie_doelgroep (
    gemeente_id   UUID NOT NULL,
    strategie_id  UUID NOT NULL,
    relatie_id    UUID NOT NULL,
    PRIMARY KEY (gemeente_id, strategie_id, relatie_id),
    FOREIGN KEY (gemeente_id, strategie_id) REFERENCES strategie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, relatie_id) REFERENCES relatie (gemeente_id, id)
);
CREATE INDEX strategie_doelgroep_relatie ON strategie_doelgroep (gemeente_id, relatie_id);

CREATE TABLE strategie_actie (
    gemeente_id   UUID NOT NULL,
    strategie_id  UUID NOT NULL,
    actie_id      UUID NOT NULL,
    PRIMARY KEY (gemeente_id, strategie_id, actie_id),
    FOREIGN KEY (gemeente_id, strategie_id) REFERENCES strategie (gemeente_id, id),
    FOREIGN KEY (gemeente_id, actie_id) REFERENCES actie (gemeente_id, id)
);
CREATE INDEX strategie_actie_actie ON strategie_actie (gemeente_id, actie_id);
