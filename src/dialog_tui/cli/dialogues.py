"""Commands on dialogues as data: load, dump, list, agendas."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import strings as S
from ..gate import dumped
from . import output as out
from .base import FORCE, ID, Session, fail, main, pass_session


@main.command(help=S.CLI_LOAD_HELP)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@pass_session
def load(session: Session, file: Path) -> None:
    from ..exchange import dialogue_from_json, read_dialogue

    if str(file) == "-":
        dialogue = dialogue_from_json(sys.stdin.read(), "<stdin>")
    else:
        dialogue = read_dialogue(file)
    out.echo(session.store().create_dialogue(dialogue))


@main.command(help=S.CLI_DUMP_HELP)
@click.argument("dialogue_id", type=ID)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=S.CLI_OUTPUT_HELP)  # fmt: skip
@FORCE
@pass_session
def dump(session: Session, dialogue_id: int, output: Path | None, force: bool) -> None:
    from ..exchange import dialogue_to_json
    from ..files import write_atomically

    if output is not None:
        session.output(output, force=force)
    text = dialogue_to_json(session.store().get_dialogue(dialogue_id))
    if output is None:
        out.echo_json_text(text)
    else:
        write_atomically(output, text.encode("utf-8"))


@main.command("list", help=S.CLI_LIST_HELP)
@click.option("--school", help=S.CLI_SCHOOL_HELP)
@click.option("--year", type=int, help=S.CLI_YEAR_HELP)
@click.option("--json", "as_json", is_flag=True, help=S.CLI_JSON_HELP)
@pass_session
def list_(session: Session, school: str | None, year: int | None, as_json: bool) -> None:
    from .filters import schools

    store = session.store()
    names = schools(store, school)
    rows = sorted(
        (r for name in names or [None] for r in store.list_dialogues(school=name, year=year)),
        key=lambda r: (r.held_on, r.id),
        reverse=True,
    )
    if as_json:
        out.echo_json([dumped(r, mode="json") for r in rows])
        return
    if not rows:
        out.echo(S.CLI_LIST_EMPTY)
        return
    table = [S.CLI_LIST_HEADER] + [
        (str(r.id), r.held_on.isoformat(), r.school, S.STATUS[r.status], r.case_number)
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(S.CLI_LIST_HEADER))]
    for row in table:
        out.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@main.command(help=S.CLI_AGENDAS_HELP)
def agendas() -> None:
    from ..agenda import agenda_paths, load_agenda_file
    from ..errors import AgendaError

    bad = 0
    for key, path in agenda_paths().items():
        try:
            agenda = load_agenda_file(path)
        except AgendaError as e:
            bad += 1
            out.echo(S.CLI_AGENDA_BAD.format(name=key, message=e))
            continue
        out.echo(S.CLI_AGENDA_OK.format(name=key, items=len(agenda.items), path=path))
    if bad:
        fail(S.CLI_AGENDAS_INVALID.format(count=bad))
