-- Migration 1: Dialogues, participants, agenda points, notes, goals, checklist, follow-ups,
-- status changes, and a full-text index over note text.
-- Shipped: never edit this file; add a new migration instead.

CREATE TABLE dialogues (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            school TEXT NOT NULL,
            municipality TEXT NOT NULL DEFAULT '',
            held_on TEXT NOT NULL,
            starts_at TEXT,
            ends_at TEXT,
            location TEXT NOT NULL DEFAULT '',
            case_number TEXT NOT NULL DEFAULT '',
            case_handler TEXT NOT NULL DEFAULT '',
            memo_date TEXT,
            status TEXT NOT NULL DEFAULT 'draft',
            agenda_file TEXT NOT NULL DEFAULT 'standard',
            previous TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );

CREATE INDEX dialogues_held_on ON dialogues(held_on DESC, id DESC);

CREATE INDEX dialogues_school ON dialogues(school, held_on);

CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            present INTEGER NOT NULL DEFAULT 1,
            agenda_items TEXT NOT NULL DEFAULT '[]'
        );

CREATE INDEX participants_dialogue ON participants(dialogue_id, position);

CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            planned_minutes INTEGER,
            prompts TEXT NOT NULL DEFAULT '[]',
            started_at TEXT,
            ended_at TEXT,
            elapsed_seconds INTEGER NOT NULL DEFAULT 0
        );

CREATE INDEX agenda_items_dialogue ON agenda_items(dialogue_id, position);

CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            agenda_item_id INTEGER NOT NULL
                REFERENCES agenda_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'bullet',
            level INTEGER NOT NULL DEFAULT 0,
            tags TEXT NOT NULL DEFAULT '[]',
            internal INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );

CREATE INDEX notes_item ON notes(agenda_item_id, position);

CREATE INDEX notes_updated ON notes(updated_at);

CREATE TABLE goals (
            note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
            indicator TEXT NOT NULL DEFAULT '',
            baseline TEXT NOT NULL DEFAULT '',
            target TEXT NOT NULL DEFAULT '',
            due TEXT,
            theme TEXT,
            ancestor TEXT
        );

CREATE INDEX goals_ancestor ON goals(ancestor);

CREATE TABLE checklist (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0
        );

CREATE INDEX checklist_dialogue ON checklist(dialogue_id, position);

CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            source_uid TEXT,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            goal TEXT,
            status TEXT,
            reached TEXT NOT NULL DEFAULT '',
            comment TEXT NOT NULL DEFAULT '',
            carried_to TEXT
        );

CREATE INDEX followups_dialogue ON followups(dialogue_id, position);

CREATE INDEX followups_source ON followups(source_uid);

CREATE TABLE status_changes (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        );

CREATE INDEX status_changes_dialogue ON status_changes(dialogue_id, id);

CREATE VIRTUAL TABLE notes_fts USING fts5(
            text, content='notes', content_rowid='id', tokenize='unicode61'
        );

CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
            INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
        END;

CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, text) VALUES('delete', old.id, old.text);
        END;

CREATE TRIGGER notes_au AFTER UPDATE OF text ON notes BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, text) VALUES('delete', old.id, old.text);
            INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
        END;
