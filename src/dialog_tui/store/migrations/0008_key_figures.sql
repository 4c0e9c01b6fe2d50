-- Migration 8: the school's key figures (issue 17). One value per school,
-- indicator, school year and comparison ('' for the school's own value); the
-- *_key columns hold the names as matched (case and spacing do not count), so
-- loading a file again updates rather than duplicates. value NULL: suppressed
-- or missing, never 0. retrieved: ISO date the figures were taken from their source.
-- Shipped: never edit this file; add a new migration instead.

CREATE TABLE key_figures (
    id INTEGER PRIMARY KEY,
    school TEXT NOT NULL,
    school_key TEXT NOT NULL,
    indicator TEXT NOT NULL,
    indicator_key TEXT NOT NULL,
    school_year TEXT NOT NULL CHECK (school_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
    comparison TEXT NOT NULL DEFAULT '',
    comparison_key TEXT NOT NULL DEFAULT '',
    value REAL,
    unit TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    retrieved TEXT,
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    loaded_at TEXT NOT NULL,
    UNIQUE (school_key, indicator_key, school_year, comparison_key)
);
