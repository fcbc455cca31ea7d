-- Employees and board members can be linked to the account they log in with, so
-- "mijn portefeuille" and "mijn relaties" know who is asking. SQLite cannot add a
-- composite foreign key to an existing table; the app checks the tenant.
ALTER TABLE medewerker ADD COLUMN gebruiker_id BLOB;
ALTER TABLE bestuurder ADD COLUMN gebruiker_id BLOB;
CREATE UNIQUE INDEX medewerker_gebruiker ON medewerker (gemeente_id, gebruiker_id);
CREATE UNIQUE INDEX bestuurder_gebruiker ON bestuurder (gemeente_id, gebruiker_id);
