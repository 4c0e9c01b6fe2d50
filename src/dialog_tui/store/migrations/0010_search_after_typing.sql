-- Migration 10: a keystroke no longer rewrites the search index. Reindexing a note
-- on every key wrote ~9 pages of FTS5 segments (48 at a merge), each commit synced
-- with synchronous=FULL; now a key writes the note's row alone. Only a change of the
-- text records, once per note, what the index still holds for it (search_stale);
-- Store.index_typed brings the index up to date from there (the meeting on idle,
-- every search before it looks, every open). Every other change that reaches the
-- index (tags, internal, moving a note, goals, the school or the date, deleting)
-- indexes at once, removing what the index holds: the stale copy where there is one.
-- A note's filter tokens (migration 3's expression) are the view note_search_meta.
-- Shipped: never edit this file; add a new migration instead.

CREATE TABLE search_stale (
    note_id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    meta TEXT NOT NULL
);

CREATE VIEW note_search_meta AS SELECT n.id AS note_id,
    coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = n.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(n.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = n.id), '')
    || CASE WHEN n.internal THEN ' internal' ELSE '' END AS meta
    FROM notes n;

DROP TRIGGER notes_search_au;

DROP TRIGGER notes_search_ad;

DROP TRIGGER goals_search_ai;

DROP TRIGGER goals_search_au;

DROP TRIGGER goals_search_ad;

DROP TRIGGER dialogues_search_au;

CREATE TRIGGER notes_search_typed AFTER UPDATE OF text ON notes
    WHEN new.text IS NOT old.text AND new.tags IS old.tags AND new.internal IS old.internal
        AND new.agenda_item_id IS old.agenda_item_id BEGIN
    INSERT OR IGNORE INTO search_stale (note_id, text, meta) VALUES (old.id, old.text, old.meta);
END;

CREATE TRIGGER notes_search_au AFTER UPDATE OF text, tags, internal, agenda_item_id ON notes
    WHEN new.tags IS NOT old.tags OR new.internal IS NOT old.internal
        OR new.agenda_item_id IS NOT old.agenda_item_id BEGIN
    INSERT INTO notes_search(notes_search, rowid, text, meta)
    SELECT 'delete', old.id, coalesce(s.text, old.text), coalesce(s.meta, old.meta)
    FROM (SELECT old.id AS id) o LEFT JOIN search_stale s ON s.note_id = o.id;
    DELETE FROM search_stale WHERE note_id = old.id;
    UPDATE notes SET meta = (SELECT meta FROM note_search_meta m WHERE m.note_id = notes.id) WHERE id = new.id;
    INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
    WHERE id = new.id;
END;

CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_search(notes_search, rowid, text, meta)
    SELECT 'delete', old.id, coalesce(s.text, old.text), coalesce(s.meta, old.meta)
    FROM (SELECT old.id AS id) o LEFT JOIN search_stale s ON s.note_id = o.id;
    DELETE FROM search_stale WHERE note_id = old.id;
END;

CREATE TRIGGER goals_search_ai AFTER INSERT ON goals BEGIN
    INSERT INTO notes_search(notes_search, rowid, text, meta)
    SELECT 'delete', n.id, coalesce(s.text, n.text), coalesce(s.meta, n.meta)
    FROM notes n LEFT JOIN search_stale s ON s.note_id = n.id WHERE n.id = new.note_id;
    DELETE FROM search_stale WHERE note_id = new.note_id;
    UPDATE notes SET meta = (SELECT meta FROM note_search_meta m WHERE m.note_id = notes.id) WHERE id = new.note_id;
    INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
    WHERE id = new.note_id;
END;

CREATE TRIGGER goals_search_au AFTER UPDATE OF theme ON goals BEGIN
    INSERT INTO notes_search(notes_search, rowid, text, meta)
    SELECT 'delete', n.id, coalesce(s.text, n.text), coalesce(s.meta, n.meta)
    FROM notes n LEFT JOIN search_stale s ON s.note_id = n.id WHERE n.id = new.note_id;
    DELETE FROM search_stale WHERE note_id = new.note_id;
    UPDATE notes SET meta = (SELECT meta FROM note_search_meta m WHERE m.note_id = notes.id) WHERE id = new.note_id;
    INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
    WHERE id = new.note_id;
END;

CREATE TRIGGER goals_search_ad AFTER DELETE ON goals BEGIN
    INSERT INTO notes_search(notes_search, rowid, text, meta)
    SELECT 'delete', n.id, coalesce(s.text, n.text), coalesce(s.meta, n.meta)
    FROM notes n LEFT JOIN search_stale s ON s.note_id = n.id WHERE n.id = old.note_id;
    DELETE FROM search_stale WHERE note_id = old.note_id;
    UPDATE notes SET meta = (SELECT meta FROM note_search_meta m WHERE m.note_id = notes.id) WHERE id = old.note_id;
    INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
    WHERE id = old.note_id;
END;

CREATE TRIGGER dialogues_search_au AFTER UPDATE OF school, held_on ON dialogues BEGIN
    INSERT INTO notes_search(notes_search, rowid, text, meta)
    SELECT 'delete', n.id, coalesce(s.text, n.text), coalesce(s.meta, n.meta)
    FROM notes n LEFT JOIN search_stale s ON s.note_id = n.id
    WHERE n.agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id);
    DELETE FROM search_stale WHERE note_id IN (SELECT id FROM notes
        WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id));
    UPDATE notes SET meta = (SELECT meta FROM note_search_meta m WHERE m.note_id = notes.id)
    WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id);
    INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
    WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id);
END;
