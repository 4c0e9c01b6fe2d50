"""Text whose write failed (full disk, busy or vanished database), held as typed
until the database takes it (issue 13). No Textual here; a mixin of
``NotesController`` (``self`` is the controller: its store, session and ``unsaved``),
kept apart so neither module outgrows its room."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from ..model import Note

BUSY_RETRY_SECONDS = 1.0


class UnsavedText:
    """Writing and showing ``NotesController.unsaved``."""

    def flush(self, *, now: bool = False) -> bool:
        """Write every held text, oldest first; True when none is left. While the
        database is busy, a key tries at most once a second (each try waits for
        the lock), so typing goes on; ``now`` (the timer) always tries."""
        clock = self.session.clock()
        if self.unsaved and self.session.waiting and not now and clock < self.next_try:
            return False
        self.next_try = clock + BUSY_RETRY_SECONDS
        for note_id, (text, _) in list(self.unsaved.items()):
            if self.read_only:
                return False
            if not self.session.attempt(partial(self.store.set_note_text, note_id, text)):
                return False
            del self.unsaved[note_id]
        return True

    def _as_typed(self, note: Note) -> Note:
        """A note read back from the store, with its held text if it has one."""
        held = self.unsaved.get(note.id)
        return note if held is None else replace(note, text=held[0])
