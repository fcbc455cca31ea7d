-- AVG erasure: a person can be anonymised ("Verwijderde contactpersoon") while the
-- history of the relation stays. The audit log stays append-only with one exception:
-- erasure may replace a person's name in a line's explanation by the marker
-- "[verwijderde contactpersoon]"; nothing else of a line can change, and the erasure
-- is itself a new line.

ALTER TABLE relatie ADD COLUMN geanonimiseerd_op TEXT;

DROP TRIGGER auditregel_geen_wijziging;
CREATE TRIGGER auditregel_geen_wijziging BEFORE UPDATE ON auditregel
WHEN NOT (
    NEW.gemeente_id = OLD.gemeente_id AND NEW.id = OLD.id AND NEW.tijdstip = OLD.tijdstip
    AND NEW.actor_id IS OLD.actor_id AND NEW.actor_naam = OLD.actor_naam AND NEW.actie = OLD.actie
    AND NEW.object_soort = OLD.object_soort AND NEW.object_id IS OLD.object_id
    AND NEW.resultaat = OLD.resultaat AND NEW.oorsprong = OLD.oorsprong
    AND instr(NEW.toelichting, '[verwijderde contactpersoon]') > 0
)
BEGIN SELECT RAISE(ABORT, 'auditregel is append-only'); END;
