"""``dialog-tui export``: the memo as a Word file (and optionally a PDF);
``dialog-tui overview``: every school's goals of a year for the council;
``dialog-tui template check FILE``: a template validated once, when it is chosen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from .. import strings as S
from .base import ID, DialogGroup, Session, main, pass_session


def memo_options(command: Callable) -> Callable:
    """What every command writing a memo takes: template, style, summary, key
    figures, CPR."""
    for option in reversed(
        (
            click.option("--template", type=click.Path(path_type=Path),
                         help=S.CLI_EXPORT_TEMPLATE_HELP),
            click.option("--style", type=click.Path(path_type=Path),
                         help=S.CLI_EXPORT_STYLE_HELP),
            click.option("--summary/--no-summary", default=None,
                         help=S.CLI_EXPORT_SUMMARY_HELP),
            click.option("--figures", "figures_table", is_flag=True,
                         help=S.CLI_EXPORT_FIGURES_HELP),
            click.option("--allow-cpr", is_flag=True, help=S.CLI_EXPORT_ALLOW_CPR_HELP),
        )
    ):  # fmt: skip
        command = option(command)
    return command


@main.command(help=S.CLI_EXPORT_HELP)
@click.argument("dialogue_id", type=ID)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=S.CLI_EXPORT_OUTPUT_HELP)  # fmt: skip
@click.option("--pdf", is_flag=True, help=S.CLI_EXPORT_PDF_HELP)
@memo_options
@pass_session
def export(
    session: Session,
    dialogue_id: int,
    output: Path | None,
    template: Path | None,
    style: Path | None,
    summary: bool | None,
    figures_table: bool,
    pdf: bool,
    allow_cpr: bool,
) -> None:
    from ..export.memo import default_file_name, export_memo
    from ..export.opening import user_template
    from ..export.style import load_style

    dialogue = session.store().get_dialogue(dialogue_id)
    output = output or Path(default_file_name(dialogue))
    written = export_memo(
        dialogue,
        output,
        template=template or user_template(),
        summary=summary,
        figures=session.store().series_of(dialogue.school),
        figures_table=figures_table,
        allow_cpr=allow_cpr,
        style=load_style(style).style,
    )
    click.echo(S.CLI_EXPORT_WROTE.format(path=written))
    if pdf:
        from ..export.pdf import convert_to_pdf

        pdf_path = convert_to_pdf(written, written.with_suffix(".pdf"))
        click.echo(S.CLI_EXPORT_WROTE.format(path=pdf_path))


@main.command(help=S.CLI_OVERVIEW_HELP)
@click.option("--year", type=int, required=True, help=S.CLI_OVERVIEW_YEAR_HELP)
@click.option("--municipality", help=S.CLI_OVERVIEW_MUNICIPALITY_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=S.CLI_OVERVIEW_OUTPUT_HELP)  # fmt: skip
@click.option("--template", type=click.Path(path_type=Path), help=S.CLI_EXPORT_TEMPLATE_HELP)
@click.option("--case-number", default="", help=S.CLI_OVERVIEW_CASE_NUMBER_HELP)
@click.option("--allow-cpr", is_flag=True, help=S.CLI_EXPORT_ALLOW_CPR_HELP)
@pass_session
def overview(
    session: Session,
    year: int,
    municipality: str | None,
    output: Path | None,
    template: Path | None,
    case_number: str,
    allow_cpr: bool,
) -> None:
    from ..export.opening import user_template
    from ..export.overview import (
        default_file_name,
        export_overview,
        most_dialogues,
        of_municipality,
    )

    # No dialogues held that year: export_overview refuses before writing.
    dialogues = chosen = session.store().dialogues_held_in(year)
    if municipality is None:
        municipality = most_dialogues(dialogues)
    if dialogues and municipality.strip():  # "" : every municipality
        chosen = of_municipality(dialogues, municipality, year)
    output = output or Path(default_file_name(year))
    figures = session.store().series_by_school(d.school for d in chosen)
    written = export_overview(
        chosen,
        year,
        output,
        template=template or user_template(),
        case_number=case_number,
        figures=figures,
        allow_cpr=allow_cpr,
    )
    click.echo(S.CLI_EXPORT_WROTE.format(path=written))
    # Said once written, so that an error stays the one line on stderr.
    if len(chosen) < len(dialogues) or municipality.strip():
        click.echo(
            S.OVERVIEW_MUNICIPALITY_CHOSEN.format(
                municipality=chosen[0].municipality or "-", count=len(chosen),
                total=len(dialogues),
            ),
            err=True,
        )  # fmt: skip


@main.group(cls=DialogGroup, help=S.CLI_TEMPLATE_HELP)
def template() -> None:
    pass


@template.command(help=S.CLI_TEMPLATE_CHECK_HELP)
@click.argument("file", type=click.Path(path_type=Path))
def check(file: Path) -> None:
    """Exit 0 and one line when the template can be used; else the one Danish
    line that export would give, and exit 1."""
    from ..export.opening import check_template

    check_template(file)
    click.echo(S.TEMPLATE_OK.format(path=file))
