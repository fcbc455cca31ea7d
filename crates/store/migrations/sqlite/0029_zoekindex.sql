-- One search index over everything the search box finds. The terms are analysed in Rust
-- (samenspel_domain::zoektaal: folded, stemmed Dutch; trigrams of names) so SQLite and
-- PostgreSQL index the same words; the index is written in the same transaction as the
-- record it describes. `sleutel` carries the tenant and the kind as one token, so one
-- FTS5 query narrows to both and can still stream newest-indexed first (rowid order).
CREATE TABLE zoekindex (
    rij          INTEGER PRIMARY KEY,
    gemeente_id  BLOB NOT NULL,
    soort        TEXT NOT NULL,
    object_id    BLOB NOT NULL,
    titel        TEXT NOT NULL,
    toelichting  TEXT,
    relatie_id   BLOB,
    sleutel      TEXT NOT NULL,
    termen       TEXT NOT NULL,
    trigrammen   TEXT NOT NULL
);
CREATE UNIQUE INDEX zoekindex_object ON zoekindex (gemeente_id, soort, object_id);

CREATE VIRTUAL TABLE zoekindex_fts USING fts5(
    sleutel, termen, trigrammen,
    content = 'zoekindex', content_rowid = 'rij',
    tokenize = 'unicode61', detail = 'column'
);
CREATE TRIGGER zoekindex_erin AFTER INSERT ON zoekindex BEGIN
    INSERT INTO zoekindex_fts (rowid, sleutel, termen, trigrammen)
    VALUES (new.rij, new.sleutel, new.termen, new.trigrammen);
END;
CREATE TRIGGER zoekindex_eruit AFTER DELETE ON zoekindex BEGIN
    INSERT INTO zoekindex_fts (zoekindex_fts, rowid, sleutel, termen, trigrammen)
    VALUES ('delete', old.rij, old.sleutel, old.termen, old.trigrammen);
END;

-- How many documents hold each term: the typo search asks only for a question's rarest
-- trigrams.
CREATE VIRTUAL TABLE zoekindex_woorden USING fts5vocab('zoekindex_fts', 'row');

-- Which version of the analysis the index was built with (samenspel_domain::zoektaal::VERSIE).
CREATE TABLE zoekindex_versie (versie INTEGER NOT NULL);
