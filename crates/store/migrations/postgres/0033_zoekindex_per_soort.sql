-- SQLite's full-text index now keys every term by tenant and kind (see the SQLite
-- migration of the same number). PostgreSQL's GIN indexes filter on the columns
-- `gemeente_id` and `soort` instead, so nothing changes here.
SELECT 1;
