"""A dialogue's status: draft → held → final, and reopening a final one.

The one transition table; the store enforces it, the status screen offers what
it allows, the CLI goes through the store."""

from __future__ import annotations

from .. import strings as S
from ..errors import StoreError
from ..model import Status, clean_text

STATUS_TRANSITIONS: dict[Status, dict[str, Status]] = {
    Status.draft: {"held": Status.held, "final": Status.final},
    Status.held: {"final": Status.final},
    Status.final: {"reopen": Status.held},
}
"""For each status, the actions allowed from it and the status each leads to.
Reopening (final → held) needs a reason, recorded with the change."""

ACTION_TARGETS: dict[str, Status] = {"held": Status.held, "final": Status.final,
                                     "reopen": Status.held}  # fmt: skip


class StatusRefused(StoreError):
    """A status change the transition table does not allow."""


def status_actions(status: Status) -> tuple[str, ...]:
    """The actions (``held``, ``final``, ``reopen``) allowed from ``status``, in order."""
    return tuple(STATUS_TRANSITIONS[Status(status)])


def action_for(current: Status, wanted: Status) -> str:
    """The action that takes ``current`` to ``wanted`` (reopen for final → held)."""
    if current == Status.final and wanted == Status.held:
        return "reopen"
    return Status(wanted).value


def transition(current: Status, action: str, reason: str = "") -> tuple[Status, str] | None:
    """(new status, cleaned reason) for ``action`` from ``current``; None when the
    dialogue is there already. Raises ``StatusRefused`` with a Danish sentence."""
    current = Status(current)
    target = ACTION_TARGETS.get(action)
    allowed = STATUS_TRANSITIONS[current]
    if action == "reopen" and current != Status.final:
        raise StatusRefused(S.REOPEN_NOT_FINAL.format(status=S.STATUS[current]))
    if action not in allowed:
        if target == current:
            return None
        if current == Status.final:
            raise StatusRefused(S.DIALOGUE_IS_FINAL)
        raise StatusRefused(S.STATUS_NOT_ALLOWED.format(status=S.STATUS[current]))
    reason = clean_text(reason).strip()
    if action == "reopen" and not reason:
        raise StatusRefused(S.REOPEN_NEEDS_REASON)
    return allowed[action], reason
