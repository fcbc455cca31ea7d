-- The governance regime of a collaboration (roles, tasks and powers; agreements,
-- procedures and instruments) and the begroting programme it is accounted for in.

ALTER TABLE samenwerkingsverband ADD COLUMN rollen TEXT;
ALTER TABLE samenwerkingsverband ADD COLUMN afspraken TEXT;
ALTER TABLE samenwerkingsverband ADD COLUMN begrotingsprogramma TEXT;
