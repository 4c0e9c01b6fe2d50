"""Year over year: next year's dialogue, started from last year's.

The law asks each year's dialogue to follow up on the previous ones, so a
follow-up dialogue starts with what the previous one agreed: its goals,
attention points and agreements (never internal notes), as a follow-up list.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from . import strings as S
from .agenda import agenda_paths, load_agenda
from .errors import FollowUpError
from .gate import validated
from .model import AgendaItem, ChecklistItem, Dialogue, FollowUp, Note, Participant
from .store import Store
from .text import short_date

FOLLOWED_KINDS = ("goal", "attention", "agreement")
"""What is followed up next year, in this order when a note has more than one."""


def start_followup(store: Store, previous_id: int, held_on: date) -> int:
    """Next year's dialogue for the same school, created from a previous one; returns its id.

    Same agenda file (its current points, prompts and checklist; if the file is
    gone, the previous dialogue's points), same school, municipality, case
    handler, KLE number and location (not the case number: the new dialogue is
    filed on a case of its own); the participants as a starting point (all present,
    for every point); and a follow-up list of each goal, attention point and
    agreement of the previous dialogue, in agenda order, goal details copied."""
    previous = store.get_dialogue(previous_id)
    if held_on <= previous.held_on:
        held = previous.held_on
        raise FollowUpError(S.FOLLOWUP_TOO_EARLY.format(date=short_date(held)))
    agenda, checklist = _agenda_and_checklist(previous)
    return store.create_dialogue(
        validated(
            Dialogue,
            dict(
                school=previous.school,
                municipality=previous.municipality,
                held_on=held_on,
                location=previous.location,
                case_handler=previous.case_handler,
                kle=inherited_kle(previous),
                agenda_file=previous.agenda_file,
                previous=previous.uid,
                participants=[
                    Participant(name=p.name, role=p.role, organisation=p.organisation)
                    for p in previous.participants
                ],
                agenda=agenda,
                checklist=checklist,
                followups=followup_list(previous),
            ),
        )
    )


def inherited_kle(previous: Dialogue) -> str:
    """The KLE number a follow-up keeps: the previous one's, subject number and
    facet (``17.01.00-G01``); its case number is its own, asked for anew."""
    return "-".join(filter(None, (previous.kle_number, previous.facet)))


def followup_list(previous: Dialogue) -> list[FollowUp]:
    """What the next dialogue follows up: each goal, attention point and
    agreement of ``previous`` that is not internal, in agenda order."""
    followups = []
    for _, _, note in previous.notes():
        kind = next((k for k in FOLLOWED_KINDS if k in note.tags), None)
        if kind is None or note.internal or not note.text.strip():
            continue
        followups.append(_followup(note, kind))
    return followups


def _followup(note: Note, kind: str) -> FollowUp:
    goal = replace(note.goal) if note.goal is not None else None
    return FollowUp(source_uid=note.uid, kind=kind, text=note.text, goal=goal)


def _agenda_and_checklist(previous: Dialogue) -> tuple[list[AgendaItem], list[ChecklistItem]]:
    """The agenda file's current points and checklist; the previous dialogue's
    own points and checklist (unticked) when the file is gone."""
    name = previous.agenda_file
    if name in agenda_paths() or Path(name).is_file():
        agenda = load_agenda(name)
        return agenda.agenda_items(), agenda.checklist_items()
    return (
        [
            AgendaItem(title=i.title, planned_minutes=i.planned_minutes, prompts=i.prompts)
            for i in previous.agenda
        ],
        [ChecklistItem(text=c.text) for c in previous.checklist],
    )
