-- The timeline names each contact moment's internal participants. With the people's ids
-- in the index the participants are read from the index alone, without a table lookup
-- per participant (a quarter of the timeline statement's time at 20,000 contacts).
CREATE INDEX contactmoment_deelnemer_namen
    ON contactmoment_deelnemer (gemeente_id, contactmoment_id, medewerker_id, bestuurder_id);
DROP INDEX contactmoment_deelnemer_moment;
