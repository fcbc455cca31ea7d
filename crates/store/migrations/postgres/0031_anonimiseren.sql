-- AVG erasure: a person can be anonymised ("Verwijderde contactpersoon") while the
-- history of the relation stays. The audit log stays append-only with one exception:
-- erasure may replace a person's name in a line's explanation by the marker
-- "[verwijderde contactpersoon]"; nothing else of a line can change, and the erasure
-- is itself a new line.

ALTER TABLE relatie ADD COLUMN geanonimiseerd_op TIMESTAMPTZ;

DROP TRIGGER auditregel_geen_wijziging ON auditregel;
CREATE TRIGGER auditregel_geen_wijziging BEFORE DELETE OR TRUNCATE ON auditregel
FOR EACH STATEMENT EXECUTE FUNCTION auditregel_append_only();

CREATE FUNCTION auditregel_alleen_anonimiseren() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.gemeente_id, NEW.id, NEW.tijdstip, NEW.actor_id, NEW.actor_naam, NEW.actie,
        NEW.object_soort, NEW.object_id, NEW.resultaat, NEW.oorsprong)
       IS NOT DISTINCT FROM
       (OLD.gemeente_id, OLD.id, OLD.tijdstip, OLD.actor_id, OLD.actor_naam, OLD.actie,
        OLD.object_soort, OLD.object_id, OLD.resultaat, OLD.oorsprong)
       AND strpos(NEW.toelichting, '[verwijderde contactpersoon]') > 0 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'auditregel is append-only';
END;
$$;
CREATE TRIGGER auditregel_alleen_anonimiseren BEFORE UPDATE ON auditregel
FOR EACH ROW EXECUTE FUNCTION auditregel_alleen_anonimiseren();
