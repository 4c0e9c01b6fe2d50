"""Backup and restore of the whole database; clearing a left-behind edit lock."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import strings as S
from .base import ID, Session, fail, main, pass_session


@main.command(help=S.CLI_BACKUP_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help=S.CLI_OUTPUT_HELP)  # fmt: skip
@pass_session
def backup(session: Session, output: Path) -> None:
    session.store().backup_to(output)
    click.echo(S.BACKUP_DONE.format(path=output), err=True)


@main.command(help=S.CLI_RESTORE_HELP)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--yes", is_flag=True, help=S.CLI_YES_HELP)
@pass_session
def restore(session: Session, file: Path, yes: bool) -> None:
    if not yes:
        if not sys.stdin.isatty():
            fail(S.RESTORE_NEEDS_YES)
        click.confirm(S.RESTORE_CONFIRM.format(db=session.db_path, path=file), abort=True)
    bak = session.store().restore_from(file)
    click.echo(S.RESTORE_DONE.format(path=file, bak=bak), err=True)


@main.command(help=S.CLI_UNLOCK_HELP)
@click.argument("dialogue_id", type=ID)
@click.option("--yes", is_flag=True, help=S.CLI_YES_HELP)
@pass_session
def unlock(session: Session, dialogue_id: int, yes: bool) -> None:
    store = session.store()
    holder = store.edit_lock(dialogue_id)
    if holder is None:
        click.echo(S.UNLOCK_NONE.format(id=dialogue_id), err=True)
        return
    whose = S.UNLOCK_WHOSE.format(host=holder.host, pid=holder.pid, since=holder.since)
    if not yes:
        if not sys.stdin.isatty():
            fail(S.UNLOCK_NEEDS_YES.format(whose=whose))
        click.confirm(S.UNLOCK_CONFIRM.format(id=dialogue_id, whose=whose), abort=True)
    store.clear_edit_lock(dialogue_id)
    click.echo(S.UNLOCK_DONE.format(id=dialogue_id, whose=whose), err=True)
