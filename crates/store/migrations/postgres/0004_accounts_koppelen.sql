-- Employees and board members can be linked to the account they log in with, so
-- "mijn portefeuille" and "mijn relaties" know who is asking.
ALTER TABLE medewerker ADD COLUMN gebruiker_id UUID;
ALTER TABLE bestuurder ADD COLUMN gebruiker_id UUID;
ALTER TABLE medewerker ADD FOREIGN KEY (gemeente_id, gebruiker_id) REFERENCES gebruiker (gemeente_id, id);
ALTER TABLE bestuurder ADD FOREIGN KEY (gemeente_id, gebruiker_id) REFERENCES gebruiker (gemeente_id, id);
CREATE UNIQUE INDEX medewerker_gebruiker ON medewerker (gemeente_id, gebruiker_id);
CREATE UNIQUE INDEX bestuurder_gebruiker ON bestuurder (gemeente_id, gebruiker_id);
