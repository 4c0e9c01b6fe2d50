-- Migration 2: Who has a dialogue open for editing (edit_locks).
-- Shipped: never edit this file; add a new migration instead.

CREATE TABLE edit_locks (
            dialogue_id INTEGER PRIMARY KEY REFERENCES dialogues(id) ON DELETE CASCADE,
            token TEXT NOT NULL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            acquired_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL
        );
