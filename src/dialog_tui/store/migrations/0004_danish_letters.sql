-- Migration 4: notes_search without folding diacritics: "far" must not find "får".
-- Shipped: never edit this file; add a new migration instead.

DROP TABLE notes_search;

CREATE VIRTUAL TABLE notes_search USING fts5(
            text, meta, content='notes', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0', prefix='2 3'
        );

INSERT INTO notes_search(notes_search) VALUES ('rebuild');
