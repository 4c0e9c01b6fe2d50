"""Status changes, by the one transition table in ``rules.status``."""

from __future__ import annotations

from .. import strings as S
from ..errors import StoreError
from ..model import ChecklistItem, Status
from ..rules.status import action_for, transition
from .connection import StoreBase
from .rows import now


class StatusChanges(StoreBase):
    def set_status(self, dialogue_id: int, status: Status | str, reason: str = "") -> None:
        """Move draft → held → final, or reopen final → held with a reason; every
        change is recorded. Refused while another instance has the dialogue open
        for editing."""
        with self._tx():
            current = self._header(dialogue_id).status
            self._change_status(dialogue_id, action_for(current, Status(status)), reason)

    def mark_held(self, dialogue_id: int) -> list[ChecklistItem]:
        """Draft → held; returns the statutory points left unticked, to warn about."""
        with self._tx():
            self._change_status(dialogue_id, "held")
            return self.unticked_checklist(dialogue_id)

    def finalize(self, dialogue_id: int) -> None:
        """Held (or draft) → final: from now on read-only until reopened."""
        self._change_status(dialogue_id, "final")

    def reopen(self, dialogue_id: int, reason: str) -> None:
        """Final → held for edits; the reason is recorded with the time."""
        self._change_status(dialogue_id, "reopen", reason)

    def _change_status(self, dialogue_id: int, action: str, reason: str = "") -> None:
        with self._tx() as c:
            current = self._header(dialogue_id).status
            change = transition(current, action, reason)
            if change is None:
                return
            status, reason = change
            # The facilitator typing elsewhere would lose every keystroke to the
            # read-only triggers once the dialogue is final.
            holder = self._other_editor(c, dialogue_id)
            if holder is not None:
                raise StoreError(
                    S.DIALOGUE_OPEN_ELSEWHERE.format(pid=holder.pid, host=holder.host,
                                                     since=holder.since)
                )  # fmt: skip
            self._check_lock(c, dialogue_id)
            c.execute(
                "UPDATE dialogues SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, now(), dialogue_id),
            )
            c.execute(
                """INSERT INTO status_changes (dialogue_id, at, from_status, to_status,
                   reason) VALUES (?,?,?,?,?)""",
                (dialogue_id, now(), current.value, status.value, reason),
            )
