-- The school's key figures: one value per school, indicator, school year and
-- comparison ('' for the school's own value). The *_key columns are the names
-- as matched (case and spacing do not count), so loading a file again updates.
CREATE TABLE IF NOT EXISTS key_figures (
    id INTEGER PRIMARY KEY,
    school TEXT NOT NULL,
    school_key TEXT NOT NULL,
    indicator TEXT NOT NULL,
    indicator_key TEXT NOT NULL,
    school_year TEXT NOT NULL CHECK (school_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
    comparison TEXT NOT NULL DEFAULT '',
    comparison_key TEXT NOT NULL DEFAULT '',
    value REAL,  -- NULL: suppressed or missing, never 0
    unit TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    retrieved TEXT,  -- ISO date the figures were taken from their source
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    loaded_at TEXT NOT NULL,
    UNIQUE (school_key, indicator_key, school_year, comparison_key)
);
