-- Transparency: a collaboration appears on the public pages only when published, and
-- then shows, besides its name, seat, legal form and class, only the optional parts
-- marked public (a comma-separated list of codes). The public page looks a
-- collaboration up by its id alone, so the id gets its own index.

ALTER TABLE samenwerkingsverband ADD COLUMN openbaar BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE samenwerkingsverband ADD COLUMN openbare_velden TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX samenwerkingsverband_id ON samenwerkingsverband (id);
CREATE INDEX samenwerkingsverband_openbaar ON samenwerkingsverband (gemeente_id, openbaar, naam_sleutel, id);
