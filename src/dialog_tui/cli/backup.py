"""Backup and restore of the whole database; clearing a left-behind edit lock;
checking a database and rescuing what can still be read from a damaged one."""

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
    store = session.store()
    if store.check():
        fail(S.BACKUP_SOURCE_DAMAGED.format(path=store.path))
    store.backup_to(output)
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


@main.command(help=S.CLI_CHECK_HELP)
@pass_session
def check(session: Session) -> None:
    store = session.store()
    problems = store.check()
    if not problems:
        click.echo(S.CHECK_OK.format(path=store.path))
        return
    listed = "\n".join(f"  - {p}" for p in problems[:20])
    click.echo(S.CHECK_DAMAGED.format(path=store.path, problems=listed), err=True)
    sys.exit(1)


@main.command(help=S.CLI_RESCUE_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help=S.CLI_RESCUE_OUTPUT_HELP)  # fmt: skip
@pass_session
def rescue(session: Session, output: Path) -> None:
    from ..exchange import dialogue_to_json, write_atomically

    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        fail(S.OUTPUT_UNWRITABLE.format(path=output, reason=e.strerror or e))
    saved = lost = 0
    for dialogue_id, dialogue, reason in session.store().rescue():
        if dialogue is None:
            lost += 1
            click.echo(S.RESCUE_LOST.format(id=dialogue_id, reason=reason), err=True)
            continue
        path = output / f"dialog-{dialogue_id}.json"
        write_atomically(path, dialogue_to_json(dialogue).encode("utf-8"))
        saved += 1
        click.echo(S.RESCUE_WROTE.format(id=dialogue_id, path=path), err=True)
    click.echo(S.RESCUE_SUMMARY.format(saved=saved, folder=output, lost=lost), err=True)
    if lost:
        sys.exit(1)
