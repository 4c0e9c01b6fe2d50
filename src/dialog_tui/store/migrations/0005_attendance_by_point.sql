-- Migration 5: attendance by point identity. participants.agenda_items held the
-- numbers (1-based positions) of the points attended, so moving, inserting or
-- deleting a point moved "only under point 2" to another point; it now holds
-- the points' ids (agenda_items.id). A number that named no point is dropped,
-- as the memo always ignored it.
-- Shipped: never edit this file; add a new migration instead.

-- A final dialogue is read-only to its triggers: lift it for the migration.
CREATE TEMP TABLE migrating_final AS SELECT id FROM dialogues WHERE status = 'final';

UPDATE dialogues SET status = 'held' WHERE id IN (SELECT id FROM temp.migrating_final);

UPDATE participants SET agenda_items = (
    SELECT json_group_array(a.id) FROM json_each(participants.agenda_items) j
    JOIN agenda_items a ON a.dialogue_id = participants.dialogue_id
        AND a.position = j.value - 1
) WHERE agenda_items <> '[]';

UPDATE dialogues SET status = 'final' WHERE id IN (SELECT id FROM temp.migrating_final);

DROP TABLE temp.migrating_final;
