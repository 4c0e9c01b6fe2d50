"""``dialog-tui figures``: load a school's key figures from CSV or XLSX, show them."""

from __future__ import annotations

from pathlib import Path

import click

from .. import strings as S
from ..errors import DialogError
from ..gate import dumped
from . import output as out
from .base import DialogGroup, Session, main, pass_session


@main.group(cls=DialogGroup, help=S.CLI_FIGURES_HELP)
def figures() -> None:
    pass


@figures.command(help=S.CLI_FIGURES_LOAD_HELP)
@click.argument("file", metavar="FIL", type=click.Path(path_type=Path, dir_okay=False))
@pass_session
def load(session: Session, file: Path) -> None:
    from ..figures import read_figures

    read = read_figures(file)  # the whole file is checked before anything is written
    result = session.store().load_figures(read)
    out.echo(
        S.CLI_FIGURES_LOADED.format(
            path=file, total=len(read), added=result.added, updated=result.updated,
            unchanged=result.unchanged,
        )
    )  # fmt: skip


@figures.command(help=S.CLI_FIGURES_SHOW_HELP)
@click.option("--school", required=True, help=S.CLI_FIGURES_SCHOOL_HELP)
@click.option("--json", "as_json", is_flag=True, help=S.CLI_FIGURES_JSON_HELP)
@pass_session
def show(session: Session, school: str, as_json: bool) -> None:
    from ..figures_model import latest_line, values_line

    store = session.store()
    series = store.series_of(school)
    if as_json:
        rows = [dumped(s, mode="json") for s in series]
        out.echo_json(rows)
        return
    if not series:
        schools = store.figure_schools()
        known = S.CLI_FIGURES_KNOWN.format(schools=", ".join(schools)) if schools else ""
        raise DialogError(S.CLI_FIGURES_NONE.format(school=school.strip(), known=known))
    for s in series:
        mark = f" [{S.FIGURES_SECRET_MARK}]" if s.confidential else ""
        unit = f" ({s.unit})" if s.unit else ""
        out.echo(f"{s.indicator}{unit}{mark}")
        out.echo(f"  {values_line(s)}")
        out.echo(f"  {latest_line(s)}")
