-- A participant's contact moments by time: "visits in the coming weeks" and the
-- calendar feed seek a board member's or employee's range directly instead of testing
-- every contact moment in the window (as contactmoment_relatie already carries the
-- time for the timeline). Written with the participant, rewritten with the moment.
ALTER TABLE contactmoment_deelnemer ADD COLUMN tijdstip TEXT NOT NULL DEFAULT '';
UPDATE contactmoment_deelnemer SET tijdstip = (
    SELECT cm.tijdstip FROM contactmoment cm
    WHERE cm.gemeente_id = contactmoment_deelnemer.gemeente_id AND cm.id = contactmoment_deelnemer.contactmoment_id);
CREATE INDEX contactmoment_deelnemer_medewerker_tijd
    ON contactmoment_deelnemer (gemeente_id, medewerker_id, tijdstip);
CREATE INDEX contactmoment_deelnemer_bestuurder_tijd
    ON contactmoment_deelnemer (gemeente_id, bestuurder_id, tijdstip);
DROP INDEX contactmoment_deelnemer_medewerker;
DROP INDEX contactmoment_deelnemer_bestuurder;
