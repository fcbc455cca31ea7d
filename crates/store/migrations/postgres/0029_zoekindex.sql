-- One search index over everything the search box finds. The terms are analysed in Rust
-- (samenspel_domain::zoektaal: folded, stemmed Dutch; trigrams of names) so SQLite and
-- PostgreSQL index the same words; the 'simple' configuration only splits them. Written
-- in the same transaction as the record it describes. `rij` orders newest-indexed first.
CREATE TABLE zoekindex (
    gemeente_id  UUID NOT NULL,
    soort        TEXT NOT NULL,
    object_id    UUID NOT NULL,
    rij          BIGINT NOT NULL,
    titel        TEXT NOT NULL,
    toelichting  TEXT,
    relatie_id   UUID,
    sleutel      TEXT NOT NULL,
    termen       TEXT NOT NULL,
    trigrammen   TEXT NOT NULL,
    doc          TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', termen)) STORED,
    trig         TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', trigrammen)) STORED,
    PRIMARY KEY (gemeente_id, soort, object_id)
);
CREATE INDEX zoekindex_doc ON zoekindex USING GIN (doc);
CREATE INDEX zoekindex_trig ON zoekindex USING GIN (trig);

-- Which version of the analysis the index was built with (samenspel_domain::zoektaal::VERSIE).
CREATE TABLE zoekindex_versie (versie INTEGER NOT NULL);
