-- Migration 9: the KLE subject number (and facet) of the dialogue's case, kept
-- apart from the case number: a follow-up inherits it before it has a case
-- number of its own, and not every municipality's case number is KLE-shaped.
-- Empty: read it from the case number. A final dialogue's KLE number is
-- read-only like the rest of its header, so the header trigger is remade.
-- Shipped: never edit this file; add a new migration instead.

ALTER TABLE dialogues ADD COLUMN kle TEXT NOT NULL DEFAULT '';

DROP TRIGGER dialogues_final_bu;

CREATE TRIGGER dialogues_final_bu BEFORE UPDATE ON dialogues
            WHEN old.status = 'final' AND (new.uid IS NOT old.uid OR new.school IS NOT old.school OR new.municipality IS NOT old.municipality OR new.held_on IS NOT old.held_on OR new.starts_at IS NOT old.starts_at OR new.ends_at IS NOT old.ends_at OR new.location IS NOT old.location OR new.case_number IS NOT old.case_number OR new.case_handler IS NOT old.case_handler OR new.memo_date IS NOT old.memo_date OR new.agenda_file IS NOT old.agenda_file OR new.previous IS NOT old.previous OR new.created_at IS NOT old.created_at OR new.kle IS NOT old.kle) BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;
