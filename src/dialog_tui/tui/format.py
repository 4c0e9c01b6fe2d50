"""Follow-up statuses as the year-over-year screens colour them. (The plain Danish
text itself, dates and goal lines, is ``dialog_tui.text``.)"""

from __future__ import annotations

from rich.text import Text

from .. import strings as S
from ..model import FollowUp
from ..text import reached

FOLLOWUP_STYLES = {
    "opfyldt": "bold green",
    "delvist opfyldt": "bold yellow",
    "ikke opfyldt": "bold red",
    "videreført": "bold cyan",
}


def followup_status(followup: FollowUp) -> Text:
    """The status as a coloured word; 'ikke vurderet' dimmed when none is given yet."""
    if followup.status is None:
        return Text(S.FOLLOWUP_NOT_ASSESSED, style="dim")
    label = S.FOLLOWUP_STATUS_LABELS[followup.status.value]
    return Text(label, style=FOLLOWUP_STYLES[followup.status.value])


def followup_result(followup: FollowUp) -> str:
    """``nået 70 % · comment``: what was said about it beside its status, or ''."""
    return " · ".join(part for part in (reached(followup), followup.comment) if part)
