-- The alliance register: every collaboration the municipality takes part in, with its
-- legal form, importance class, the municipality's stakes and its governance. Whether
-- it is a verbonden partij and its BBV category are derived, not stored.

CREATE TABLE belangklasse (
    gemeente_id         UUID NOT NULL REFERENCES gemeente (id),
    code                TEXT NOT NULL,
    naam                TEXT NOT NULL,
    volgorde            BIGINT NOT NULL,
    evaluatie_maanden   BIGINT NOT NULL CHECK (evaluatie_maanden BETWEEN 1 AND 120),
    rapportage          TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, code),
    UNIQUE (gemeente_id, naam)
);
INSERT INTO belangklasse (gemeente_id, code, naam, volgorde, evaluatie_maanden, rapportage)
SELECT g.id, k.code, k.naam, k.volgorde, k.maanden, k.rapportage FROM gemeente g CROSS JOIN (
    SELECT 'politiek_zeer_belangrijk' AS code, 'Politiek zeer belangrijk' AS naam, 1 AS volgorde, 12 AS maanden,
           'Intensieve aandacht van de raad; jaarlijks geëvalueerd en geagendeerd bij de jaarrekening.' AS rapportage
    UNION ALL SELECT 'politiek_belangrijk', 'Politiek belangrijk', 2, 12,
           'Aandacht van de raad; jaarlijks geëvalueerd bij de jaarrekening.'
    UNION ALL SELECT 'bestuurlijk_belangrijk', 'Bestuurlijk belangrijk', 3, 24,
           'Aandacht van het college; de raad wordt geïnformeerd bij politiek relevante ontwikkelingen.'
    UNION ALL SELECT 'ambtelijk_belangrijk', 'Ambtelijk belangrijk', 4, 48,
           'Grotendeels ambtelijk afgedaan; verantwoording via de reguliere P&C-cyclus.'
) k;

CREATE TABLE samenwerkingsverband (
    gemeente_id         UUID NOT NULL REFERENCES gemeente (id),
    id                  UUID NOT NULL,
    naam                TEXT NOT NULL,
    naam_sleutel        TEXT NOT NULL,
    vestigingsplaats    TEXT,
    rechtsvorm          TEXT NOT NULL,
    klasse              TEXT NOT NULL,
    risicoprofiel       TEXT,
    openbaar_belang     TEXT,
    motieven            TEXT,
    perspectief         TEXT,
    orgaan              TEXT,
    stemaandeel         BIGINT CHECK (stemaandeel BETWEEN 0 AND 10000),
    valuta              TEXT NOT NULL DEFAULT 'EUR',
    aandelen_centen     BIGINT,
    bijdrage_centen     BIGINT,
    lening_centen       BIGINT,
    garantie_centen     BIGINT,
    mandaat             TEXT,
    politiek_relevant   TEXT,
    exit_regeling       TEXT,
    accounthouder_id    UUID,
    vertegenwoordiger_id UUID,
    aangemaakt_op       TIMESTAMPTZ NOT NULL,
    gewijzigd_op        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (gemeente_id, id),
    UNIQUE (gemeente_id, naam_sleutel),
    FOREIGN KEY (gemeente_id, klasse) REFERENCES belangklasse (gemeente_id, code),
    FOREIGN KEY (gemeente_id, accounthouder_id) REFERENCES medewerker (gemeente_id, id),
    FOREIGN KEY (gemeente_id, vertegenwoordiger_id) REFERENCES bestuurder (gemeente_id, id)
);
CREATE INDEX samenwerkingsverband_klasse ON samenwerkingsverband (gemeente_id, klasse, naam_sleutel, id);
CREATE INDEX samenwerkingsverband_accounthouder ON samenwerkingsverband (gemeente_id, accounthouder_id);
CREATE INDEX samenwerkingsverband_vertegenwoordiger ON samenwerkingsverband (gemeente_id, vertegenwoordiger_id);
