-- Migration 7: an edit lock records when its process started (psutil's
-- create_time, seconds since the epoch), so a lock whose pid has been reused by
-- another process is known to be dead. NULL for locks taken before.
-- Shipped: never edit this file; add a new migration instead.

ALTER TABLE edit_locks ADD COLUMN started REAL;
