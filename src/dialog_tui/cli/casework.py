"""The case handler's commands: ``set`` corrects a dialogue's header, ``file``
writes the filing package for the case system in one step."""

from __future__ import annotations

from pathlib import Path

import click

from .. import strings as S
from ..errors import DialogError
from .base import ID, Session, main, pass_session
from .export import memo_options

_OPTIONS = (
    ("--case-number", "case_number"),
    ("--memo-date", "memo_date"),
    ("--case-handler", "case_handler"),
    ("--school", "school"),
    ("--date", "held_on"),
    ("--from", "starts_at"),
    ("--to", "ends_at"),
    ("--location", "location"),
    ("--municipality", "municipality"),
    ("--kle", "kle"),
)


def _header_options(command):
    for flag, name in reversed(_OPTIONS):
        command = click.option(flag, name, help=S.CLI_SET_OPTION_HELP[name])(command)
    return command


@main.command("set", help=S.CLI_SET_HELP)
@click.argument("dialogue_id", type=ID)
@_header_options
@pass_session
def set_(session: Session, dialogue_id: int, **typed: str | None) -> None:
    from ..header import update_header, warnings

    given = {name: value for name, value in typed.items() if value is not None}
    if not given:
        raise DialogError(S.CLI_SET_NOTHING)
    dialogue = update_header(session.store(), dialogue_id, given)
    for message in warnings({k: getattr(dialogue, k) for k in given}).values():
        click.echo(S.CLI_WARNING.format(message=message), err=True)
    click.echo(S.CLI_SET_DONE.format(id=dialogue_id))


@main.command("file", help=S.CLI_FILE_HELP)
@click.argument("dialogue_id", type=ID)
@click.option("--to", "folder", type=click.Path(path_type=Path), required=True,
              help=S.CLI_FILE_TO_HELP)  # fmt: skip
@click.option("--pdf", is_flag=True, help=S.CLI_FILE_PDF_HELP)
@memo_options
@pass_session
def file_(
    session: Session,
    dialogue_id: int,
    folder: Path,
    pdf: bool,
    template: Path | None,
    style: Path | None,
    summary: bool | None,
    figures_table: bool,
    allow_cpr: bool,
) -> None:
    from ..export.filing import file_memo
    from ..export.opening import user_template
    from ..export.style import load_style

    store = session.store()
    dialogue = store.get_dialogue(dialogue_id)
    filed = file_memo(
        dialogue,
        folder,
        template=template or user_template(),
        style=load_style(style).style,
        summary=summary,
        pdf=pdf,
        figures=store.series_of(dialogue.school),
        figures_table=figures_table,
        allow_cpr=allow_cpr,
    )
    for path in (filed.docx, filed.pdf, filed.sidecar):
        if path is not None:
            click.echo(S.CLI_EXPORT_WROTE.format(path=path))
