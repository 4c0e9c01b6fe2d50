"""``dialog-tui export``: the memo as a Word file (and optionally a PDF);
``dialog-tui overview``: every school's goals of a year for the council."""

from __future__ import annotations

from pathlib import Path

import click

from .. import strings as S
from .base import ID, Session, main, pass_session


@main.command(help=S.CLI_EXPORT_HELP)
@click.argument("dialogue_id", type=ID)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=S.CLI_EXPORT_OUTPUT_HELP)  # fmt: skip
@click.option("--template", type=click.Path(path_type=Path), help=S.CLI_EXPORT_TEMPLATE_HELP)
@click.option("--no-summary", is_flag=True, help=S.CLI_EXPORT_NO_SUMMARY_HELP)
@click.option("--figures", "figures_table", is_flag=True, help=S.CLI_EXPORT_FIGURES_HELP)
@click.option("--pdf", is_flag=True, help=S.CLI_EXPORT_PDF_HELP)
@click.option("--allow-cpr", is_flag=True, help=S.CLI_EXPORT_ALLOW_CPR_HELP)
@pass_session
def export(
    session: Session,
    dialogue_id: int,
    output: Path | None,
    template: Path | None,
    no_summary: bool,
    figures_table: bool,
    pdf: bool,
    allow_cpr: bool,
) -> None:
    from ..errors import ExportError
    from ..export.cpr import describe_places, find_cpr
    from ..export.document import user_template
    from ..export.memo import default_file_name, export_memo

    dialogue = session.store().get_dialogue(dialogue_id)
    if not allow_cpr:
        hits = find_cpr(dialogue)
        if hits:
            raise ExportError(S.CPR_FOUND.format(places=describe_places(hits)))
    output = output or Path(default_file_name(dialogue))
    written = export_memo(
        dialogue, output, template=template or user_template(), summary=not no_summary,
        figures=session.store().series_of(dialogue.school),
        figures_table=figures_table,
    )  # fmt: skip
    click.echo(S.CLI_EXPORT_WROTE.format(path=written))
    if pdf:
        from ..export.pdf import convert_to_pdf

        pdf_path = convert_to_pdf(written, written.with_suffix(".pdf"))
        click.echo(S.CLI_EXPORT_WROTE.format(path=pdf_path))


@main.command(help=S.CLI_OVERVIEW_HELP)
@click.option("--year", type=int, required=True, help=S.CLI_OVERVIEW_YEAR_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=S.CLI_OVERVIEW_OUTPUT_HELP)  # fmt: skip
@click.option("--template", type=click.Path(path_type=Path), help=S.CLI_EXPORT_TEMPLATE_HELP)
@click.option("--case-number", default="", help=S.CLI_OVERVIEW_CASE_NUMBER_HELP)
@click.option("--allow-cpr", is_flag=True, help=S.CLI_EXPORT_ALLOW_CPR_HELP)
@pass_session
def overview(
    session: Session,
    year: int,
    output: Path | None,
    template: Path | None,
    case_number: str,
    allow_cpr: bool,
) -> None:
    from ..errors import ExportError
    from ..export.document import user_template
    from ..export.overview import cpr_schools, default_file_name, export_overview
    from ..text import join

    # No dialogues held that year: export_overview refuses before writing.
    dialogues = session.store().dialogues_held_in(year)
    if not allow_cpr and (schools := cpr_schools(dialogues)):
        raise ExportError(S.OVERVIEW_CPR_FOUND.format(schools=join(schools)))
    output = output or Path(default_file_name(year))
    figures = session.store().series_by_school(d.school for d in dialogues)
    written = export_overview(
        dialogues, year, output, template=template or user_template(), case_number=case_number,
        figures=figures,
    )  # fmt: skip
    click.echo(S.CLI_EXPORT_WROTE.format(path=written))
