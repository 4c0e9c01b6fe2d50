"""Commands that open the app (the only ones that import Textual)."""

from __future__ import annotations

import click

from .. import strings as S
from .base import ID, Session, main, pass_session


@main.command("open", help=S.CLI_OPEN_HELP)
@click.argument("dialogue_id", type=ID)
@pass_session
def open_(session: Session, dialogue_id: int) -> None:
    from ..tui.app import run_app

    run_app(session.db_path, open_id=dialogue_id)


@main.command(help=S.CLI_NEW_HELP)
@pass_session
def new(session: Session) -> None:
    from ..tui.app import run_app

    run_app(session.db_path, new=True)


@main.command(help=S.CLI_KEYS_HELP)
def keys() -> None:
    from ..tui.keylog import KeysApp

    KeysApp().run()
