-- Every term in the full-text index now carries its tenant and kind in front (`sleutel`
-- || term), so a term's document list holds one kind of one tenant. Searching all kinds
-- for a common word was eight queries that each read that word's whole document list
-- (and expanded its prefix) across every kind, to intersect it with the kind's own
-- token: "overleg" cost 1-2 ms per kind even where it occurs nowhere, 9 ms in all on the
-- 100,000-organisation data set; with keyed terms it costs 0.03 ms where it does not
-- occur. The table is contentless (it only ever answers with rowids) and deletes by
-- rowid, so an erased person's terms leave the index with their row.
DROP TRIGGER zoekindex_erin;
DROP TRIGGER zoekindex_eruit;
DROP TABLE zoekindex_woorden;
DROP TABLE zoekindex_fts;

CREATE VIRTUAL TABLE zoekindex_fts USING fts5(
    termen, trigrammen,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61', detail = 'column'
);
CREATE TRIGGER zoekindex_erin AFTER INSERT ON zoekindex BEGIN
    INSERT INTO zoekindex_fts (rowid, termen, trigrammen) VALUES (
        new.rij,
        CASE WHEN new.termen = '' THEN '' ELSE new.sleutel || replace(new.termen, ' ', ' ' || new.sleutel) END,
        CASE WHEN new.trigrammen = '' THEN '' ELSE new.sleutel || replace(new.trigrammen, ' ', ' ' || new.sleutel) END
    );
END;
CREATE TRIGGER zoekindex_eruit AFTER DELETE ON zoekindex BEGIN
    DELETE FROM zoekindex_fts WHERE rowid = old.rij;
END;

-- How many documents of a kind hold each (keyed) trigram: the typo search asks only for
-- a question's rarest.
CREATE VIRTUAL TABLE zoekindex_woorden USING fts5vocab('zoekindex_fts', 'row');

INSERT INTO zoekindex_fts (rowid, termen, trigrammen)
SELECT rij,
    CASE WHEN termen = '' THEN '' ELSE sleutel || replace(termen, ' ', ' ' || sleutel) END,
    CASE WHEN trigrammen = '' THEN '' ELSE sleutel || replace(trigrammen, ' ', ' ' || sleutel) END
FROM zoekindex ORDER BY rij;

-- One segment to start from: a question reads every segment of the index.
INSERT INTO zoekindex_fts (zoekindex_fts) VALUES ('optimize');
