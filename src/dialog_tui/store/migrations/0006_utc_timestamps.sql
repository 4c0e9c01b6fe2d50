-- Migration 6: timestamps in UTC. They were naive local time (datetime.now()),
-- so the cross-host lock staleness compared two machines' clocks and a DST
-- fall-back reordered "last edited". A naive value is read as the local time of
-- the machine migrating (the one that wrote it) and becomes ISO 8601 UTC with
-- "+00:00", its fraction of a second kept; a value that carries an offset or Z
-- is normalised to UTC. Dates (held_on, memo_date, due) and meeting times are
-- not timestamps.
-- Shipped: never edit this file; add a new migration instead.

CREATE TEMP TABLE migrating_final AS SELECT id FROM dialogues WHERE status = 'final';

UPDATE dialogues SET status = 'held' WHERE id IN (SELECT id FROM temp.migrating_final);

UPDATE dialogues SET
    created_at = CASE WHEN created_at IS NULL THEN NULL
        WHEN created_at LIKE '%+__:__' OR created_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', created_at)
            || substr(created_at, 20, length(created_at) - 25) || '+00:00'
        WHEN created_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', created_at)
            || substr(created_at, 20, length(created_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', created_at, 'utc') || substr(created_at, 20) || '+00:00' END,
    updated_at = CASE WHEN updated_at IS NULL THEN NULL
        WHEN updated_at LIKE '%+__:__' OR updated_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', updated_at)
            || substr(updated_at, 20, length(updated_at) - 25) || '+00:00'
        WHEN updated_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', updated_at)
            || substr(updated_at, 20, length(updated_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', updated_at, 'utc') || substr(updated_at, 20) || '+00:00' END,
    deleted_at = CASE WHEN deleted_at IS NULL THEN NULL
        WHEN deleted_at LIKE '%+__:__' OR deleted_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', deleted_at)
            || substr(deleted_at, 20, length(deleted_at) - 25) || '+00:00'
        WHEN deleted_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', deleted_at)
            || substr(deleted_at, 20, length(deleted_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', deleted_at, 'utc') || substr(deleted_at, 20) || '+00:00' END;

UPDATE agenda_items SET
    started_at = CASE WHEN started_at IS NULL THEN NULL
        WHEN started_at LIKE '%+__:__' OR started_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', started_at)
            || substr(started_at, 20, length(started_at) - 25) || '+00:00'
        WHEN started_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', started_at)
            || substr(started_at, 20, length(started_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', started_at, 'utc') || substr(started_at, 20) || '+00:00' END,
    ended_at = CASE WHEN ended_at IS NULL THEN NULL
        WHEN ended_at LIKE '%+__:__' OR ended_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', ended_at)
            || substr(ended_at, 20, length(ended_at) - 25) || '+00:00'
        WHEN ended_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', ended_at)
            || substr(ended_at, 20, length(ended_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', ended_at, 'utc') || substr(ended_at, 20) || '+00:00' END;

UPDATE notes SET
    updated_at = CASE WHEN updated_at IS NULL THEN NULL
        WHEN updated_at LIKE '%+__:__' OR updated_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', updated_at)
            || substr(updated_at, 20, length(updated_at) - 25) || '+00:00'
        WHEN updated_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', updated_at)
            || substr(updated_at, 20, length(updated_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', updated_at, 'utc') || substr(updated_at, 20) || '+00:00' END;

UPDATE status_changes SET
    at = CASE WHEN at IS NULL THEN NULL
        WHEN at LIKE '%+__:__' OR at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', at)
            || substr(at, 20, length(at) - 25) || '+00:00'
        WHEN at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', at)
            || substr(at, 20, length(at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', at, 'utc') || substr(at, 20) || '+00:00' END;

UPDATE edit_locks SET
    acquired_at = CASE WHEN acquired_at IS NULL THEN NULL
        WHEN acquired_at LIKE '%+__:__' OR acquired_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', acquired_at)
            || substr(acquired_at, 20, length(acquired_at) - 25) || '+00:00'
        WHEN acquired_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', acquired_at)
            || substr(acquired_at, 20, length(acquired_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', acquired_at, 'utc') || substr(acquired_at, 20) || '+00:00' END,
    heartbeat_at = CASE WHEN heartbeat_at IS NULL THEN NULL
        WHEN heartbeat_at LIKE '%+__:__' OR heartbeat_at LIKE '%-__:__' THEN strftime('%Y-%m-%dT%H:%M:%S', heartbeat_at)
            || substr(heartbeat_at, 20, length(heartbeat_at) - 25) || '+00:00'
        WHEN heartbeat_at LIKE '%Z' THEN strftime('%Y-%m-%dT%H:%M:%S', heartbeat_at)
            || substr(heartbeat_at, 20, length(heartbeat_at) - 20) || '+00:00'
        ELSE strftime('%Y-%m-%dT%H:%M:%S', heartbeat_at, 'utc') || substr(heartbeat_at, 20) || '+00:00' END;

UPDATE dialogues SET status = 'final' WHERE id IN (SELECT id FROM temp.migrating_final);

DROP TABLE temp.migrating_final;
