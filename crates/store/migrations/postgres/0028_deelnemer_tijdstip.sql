-- A participant's contact moments by time: "visits in the coming weeks" and the
-- calendar feed seek a board member's or employee's range directly instead of testing
-- every contact moment in the window (as contactmoment_relatie already carries the
-- time for the timeline). Written with the participant, rewritten with the moment.
ALTER TABLE contactmoment_deelnemer ADD COLUMN tijdstip TIMESTAMP;
UPDATE contactmoment_deelnemer d SET tijdstip = cm.tijdstip
    FROM contactmoment cm WHERE cm.gemeente_id = d.gemeente_id AND cm.id = d.contactmoment_id;
ALTER TABLE contactmoment_deelnemer ALTER COLUMN tijdstip SET NOT NULL;
CREATE INDEX contactmoment_deelnemer_medewerker_tijd
    ON contactmoment_deelnemer (gemeente_id, medewerker_id, tijdstip);
CREATE INDEX contactmoment_deelnemer_bestuurder_tijd
    ON contactmoment_deelnemer (gemeente_id, bestuurder_id, tijdstip);
DROP INDEX contactmoment_deelnemer_medewerker;
DROP INDEX contactmoment_deelnemer_bestuurder;
