"""Year over year: follow-up dialogues, goal history, search, status and reopening.

Numbers and dates are read here rather than by click, so bad input is one
Danish line like every other error."""

from __future__ import annotations

import sys
from datetime import date

import click

from .. import strings as S
from ..errors import DialogError
from ..gate import dumped
from . import output as out
from .base import MAX_ID, Session, main, pass_session


def _int(value: str, error: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DialogError(error) from None


def _id(value: str) -> int:
    number = _int(value, S.CLI_BAD_ID.format(value=value))
    if not 1 <= number <= MAX_ID:
        raise DialogError(S.CLI_ID_OUT_OF_RANGE.format(value=value, max=MAX_ID))
    return number


def _number(value: str | None, option: str) -> int | None:
    if value is None:
        return None
    number = _int(value, S.CLI_BAD_NUMBER.format(option=option, value=value))
    if not 1 <= number <= MAX_ID:
        raise DialogError(S.CLI_NUMBER_OUT_OF_RANGE.format(option=option, value=value, max=MAX_ID))
    return number


def _year(value: str | None) -> int | None:
    """A year as typed; the store refuses one outside 1000–9999."""
    if value is None:
        return None
    return _int(value, S.CLI_BAD_NUMBER.format(option="--year", value=value))


def _date(value: str | None) -> date:
    if value is None:
        return date.today()
    from ..parsing import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise DialogError(S.CLI_BAD_DATE.format(value=value)) from None


def _dumps(rows: list) -> None:
    out.echo_json([dumped(r, mode="json") for r in rows])


@main.command(help=S.CLI_FOLLOWUP_HELP)
@click.argument("dialogue_id")
@click.option("--date", "held_on", help=S.CLI_FOLLOWUP_DATE_HELP)
@pass_session
def followup(session: Session, dialogue_id: str, held_on: str | None) -> None:
    from ..text import long_date
    from ..yearly import start_followup

    store, previous_id = session.store(), _id(dialogue_id)
    earlier = store.followed_up_by(previous_id)
    new_id = start_followup(store, previous_id, _date(held_on))
    if earlier:  # said, not refused: a second follow-up can be meant
        out.echo(S.FOLLOWUP_ALREADY.format(dates=", ".join(map(long_date, earlier))), err=True)
    kle = store.get_dialogue(new_id).kle
    kle_note = S.CLI_FOLLOWUP_KLE.format(kle=kle) if kle else ""
    out.echo(S.CLI_FOLLOWUP_NO_CASE_NUMBER.format(id=new_id, kle=kle_note), err=True)
    out.echo(new_id)


@main.command(help=S.CLI_GOALS_HELP)
@click.option("--school", help=S.CLI_GOALS_SCHOOL_HELP)
@click.option("--json", "as_json", is_flag=True, help=S.CLI_JSON_HELP)
@pass_session
def goals(session: Session, school: str | None, as_json: bool) -> None:
    from ..text import goal_line
    from .filters import one_school

    if not school or not school.strip():
        raise DialogError(S.CLI_GOALS_NEED_SCHOOL)
    store = session.store()
    name = one_school(store, school)
    chains = store.goal_history(name)
    if as_json:
        _dumps(chains)
        return
    if not chains:
        out.echo(S.CLI_GOALS_EMPTY.format(school=name))
        return
    for n, chain in enumerate(chains):
        if n:
            out.echo()
        last = chain.steps[-1].note
        out.echo(S.CLI_GOAL_HEADER.format(text=last.text))
        if last.goal and (line := goal_line(last.goal)):
            out.echo(S.CLI_GOAL_DETAILS.format(line=line))
        for step in chain.steps:
            out.echo(
                S.CLI_GOAL_STEP.format(
                    date=step.held_on.isoformat(), status=S.STATUS[step.status],
                    text=step.note.text,
                )
            )  # fmt: skip
            out.echo(S.CLI_GOAL_FOLLOWUP.format(status=_followed_up(step.followup)))


def _followed_up(f) -> str:
    from ..text import outcome

    if f is None or f.status is None:
        return S.CLI_GOAL_NOT_FOLLOWED
    return ", ".join(part for part in (outcome(f), f.comment) if part)


@main.command(help=S.CLI_SEARCH_HELP)
@click.argument("query")
@click.option("--school", help=S.CLI_SCHOOL_HELP)
@click.option("--year", metavar=S.CLI_METAVAR_NUMBER, help=S.CLI_YEAR_HELP)
@click.option("--kind", help=S.CLI_SEARCH_KIND_HELP)
@click.option("--theme", help=S.CLI_SEARCH_THEME_HELP)
@click.option("--limit", default="100", metavar=S.CLI_METAVAR_NUMBER,
              help=S.CLI_SEARCH_LIMIT_HELP)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help=S.CLI_JSON_HELP)
@pass_session
def search(
    session: Session,
    query: str,
    school: str | None,
    year: str | None,
    kind: str | None,
    theme: str | None,
    limit: str,
    as_json: bool,
) -> None:
    from ..store import fts_query
    from .filters import schools
    from .filters import theme as theme_key

    most = _number(limit, "--limit")
    store, kind, theme = session.store(), _kind(kind), theme_key(theme)
    if not fts_query(query) and not (school or year or kind or theme):
        raise DialogError(S.CLI_SEARCH_NEEDS_SOMETHING)
    schools(store, school)  # an unknown school is said, not "nothing found"
    # One more than asked, to tell whether the results were cut.
    hits = store.search(
        query, school=school, year=_year(year), kind=kind, theme=theme,
        limit=min(most + 1, MAX_ID),
    )  # fmt: skip
    if len(hits) > most:
        hits = hits[:most]
        out.echo(S.CLI_SEARCH_CUT.format(limit=most), err=True)
    if as_json:
        _dumps(hits)
        return
    if not hits:
        out.echo(S.CLI_SEARCH_EMPTY)
        return
    # On a terminal the hit is bold; in a pipe or file it is [bracketed].
    start, end = ("\x1b[1m", "\x1b[22m") if sys.stdout.isatty() else ("[", "]")
    for hit in hits:
        out.echo_marked(
            S.CLI_SEARCH_HIT.format(
                date=hit.held_on.isoformat(), school=hit.school, number=hit.item_number,
                title=hit.item_title, snippet=" ".join(hit.snippet.split()),
                internal=S.CLI_SEARCH_INTERNAL if "internal" in hit.tags else "",
            ), start, end,
        )  # fmt: skip


def _kind(value: str | None) -> str | None:
    """A kind by its Danish name (``mål``) or its key (``goal``)."""
    if value is None:
        return None
    kinds = {label.lower(): key for key, label in S.KIND_LABELS.items()}
    typed = value.strip().lower()
    if typed in kinds.values():
        return typed
    if typed not in kinds:
        raise DialogError(S.SEARCH_BAD_KIND.format(kind=value, known=", ".join(kinds)))
    return kinds[typed]


_STATUSES = {"held": "held", "afholdt": "held", "final": "final", "endelig": "final"}


@main.command(help=S.CLI_STATUS_HELP)
@click.argument("dialogue_id")
@click.argument("status")
@pass_session
def status(session: Session, dialogue_id: str, status: str) -> None:
    wanted = _STATUSES.get(status.strip().lower())
    if wanted is None:
        raise DialogError(S.CLI_STATUS_BAD.format(status=status))
    store, id_ = session.store(), _id(dialogue_id)
    if wanted == "held":
        unticked = store.mark_held(id_)
        if unticked:
            out.echo(S.CLI_UNTICKED.format(count=len(unticked)), err=True)
            for check in unticked:
                out.echo(S.CLI_UNTICKED_ITEM.format(text=check.text), err=True)
    else:
        store.finalize(id_)
    out.echo(S.CLI_STATUS_DONE.format(id=id_, status=S.STATUS[wanted]))


@main.command(help=S.CLI_REOPEN_HELP)
@click.argument("dialogue_id")
@click.option("--reason", default="", help=S.CLI_REOPEN_REASON_HELP)
@pass_session
def reopen(session: Session, dialogue_id: str, reason: str) -> None:
    id_ = _id(dialogue_id)
    session.store().reopen(id_, reason)
    out.echo(S.CLI_REOPENED.format(id=id_))
