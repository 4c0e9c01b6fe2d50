-- Migration 3: Search with filters (notes.meta, notes_search) and final dialogues read-only
-- in SQL. Generated once by store.py's _reindex and _final_guards and frozen here.
-- Shipped: never edit this file; add a new migration instead.

ALTER TABLE notes ADD COLUMN meta TEXT NOT NULL DEFAULT '';

DROP TRIGGER notes_ai;

DROP TRIGGER notes_ad;

DROP TRIGGER notes_au;

DROP TABLE notes_fts;

UPDATE notes SET meta = coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END;

CREATE VIRTUAL TABLE notes_search USING fts5(
            text, meta, content='notes', content_rowid='id',
            tokenize='unicode61', prefix='2 3'
        );

INSERT INTO notes_search(notes_search) VALUES ('rebuild');

CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
            
        UPDATE notes SET meta = coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END WHERE id = new.id;
        INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
        WHERE id = new.id;
        END;

CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            VALUES ('delete', old.id, old.text, old.meta);
        END;

CREATE TRIGGER notes_search_au AFTER UPDATE OF text, tags, internal,
            agenda_item_id ON notes BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            VALUES ('delete', old.id, old.text, old.meta);
            
        UPDATE notes SET meta = coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END WHERE id = new.id;
        INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
        WHERE id = new.id;
        END;

CREATE TRIGGER goals_search_ai AFTER INSERT ON goals BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            SELECT 'delete', id, text, meta FROM notes WHERE id = new.note_id;
        UPDATE notes SET meta = coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END WHERE id = new.note_id;
        INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
        WHERE id = new.note_id;
        END;

CREATE TRIGGER goals_search_au AFTER UPDATE OF theme ON goals BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            SELECT 'delete', id, text, meta FROM notes WHERE id = new.note_id;
        UPDATE notes SET meta = coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END WHERE id = new.note_id;
        INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
        WHERE id = new.note_id;
        END;

CREATE TRIGGER goals_search_ad AFTER DELETE ON goals BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            SELECT 'delete', id, text, meta FROM notes WHERE id = old.note_id;
        UPDATE notes SET meta = coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END WHERE id = old.note_id;
        INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
        WHERE id = old.note_id;
        END;

CREATE TRIGGER dialogues_search_au AFTER UPDATE OF school, held_on
            ON dialogues BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            SELECT 'delete', id, text, meta FROM notes WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id);
        UPDATE notes SET meta = coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id);
        INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
        WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id);
        END;

CREATE TRIGGER participants_final_bi BEFORE INSERT ON participants
                WHEN (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER participants_final_bu BEFORE UPDATE ON participants
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' OR (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER participants_final_bd BEFORE DELETE ON participants
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER agenda_items_final_bi BEFORE INSERT ON agenda_items
                WHEN (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER agenda_items_final_bu BEFORE UPDATE ON agenda_items
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' OR (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER agenda_items_final_bd BEFORE DELETE ON agenda_items
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER checklist_final_bi BEFORE INSERT ON checklist
                WHEN (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER checklist_final_bu BEFORE UPDATE ON checklist
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' OR (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER checklist_final_bd BEFORE DELETE ON checklist
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER followups_final_bi BEFORE INSERT ON followups
                WHEN (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER followups_final_bu BEFORE UPDATE ON followups
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' OR (SELECT status FROM dialogues WHERE id = new.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER followups_final_bd BEFORE DELETE ON followups
                WHEN (SELECT status FROM dialogues WHERE id = old.dialogue_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER notes_final_bi BEFORE INSERT ON notes
                WHEN (SELECT d.status FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = new.agenda_item_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER notes_final_bu BEFORE UPDATE ON notes
                WHEN (SELECT d.status FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = old.agenda_item_id) = 'final' OR (SELECT d.status FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = new.agenda_item_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER notes_final_bd BEFORE DELETE ON notes
                WHEN (SELECT d.status FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = old.agenda_item_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER goals_final_bi BEFORE INSERT ON goals
                WHEN (SELECT d.status FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
        JOIN dialogues d ON d.id = a.dialogue_id WHERE n.id = new.note_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER goals_final_bu BEFORE UPDATE ON goals
                WHEN (SELECT d.status FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
        JOIN dialogues d ON d.id = a.dialogue_id WHERE n.id = old.note_id) = 'final' OR (SELECT d.status FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
        JOIN dialogues d ON d.id = a.dialogue_id WHERE n.id = new.note_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER goals_final_bd BEFORE DELETE ON goals
                WHEN (SELECT d.status FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
        JOIN dialogues d ON d.id = a.dialogue_id WHERE n.id = old.note_id) = 'final' BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;

CREATE TRIGGER dialogues_final_bu BEFORE UPDATE ON dialogues
            WHEN old.status = 'final' AND (new.uid IS NOT old.uid OR new.school IS NOT old.school OR new.municipality IS NOT old.municipality OR new.held_on IS NOT old.held_on OR new.starts_at IS NOT old.starts_at OR new.ends_at IS NOT old.ends_at OR new.location IS NOT old.location OR new.case_number IS NOT old.case_number OR new.case_handler IS NOT old.case_handler OR new.memo_date IS NOT old.memo_date OR new.agenda_file IS NOT old.agenda_file OR new.previous IS NOT old.previous OR new.created_at IS NOT old.created_at) BEGIN SELECT RAISE(ABORT, 'dialog-tui: the dialogue is final'); END;
