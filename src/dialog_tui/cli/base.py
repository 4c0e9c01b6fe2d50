"""The ``dialog-tui`` command group: options every command shares, and the one
place where a ``DialogError`` becomes one line on stderr and a non-zero exit."""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import strings as S
from ..errors import DialogError
from . import danish, output

danish.install()  # before the decorators below read click's texts

if TYPE_CHECKING:
    from ..store import Store


def _danish_metavars(params: list[click.Parameter]) -> None:
    """Options' values named in Danish in the help (``--year TAL``, not ``INTEGER``)."""
    for param in params:
        if not isinstance(param, click.Option) or param.metavar is not None:
            continue
        kind = param.type
        if isinstance(kind, click.Path):
            param.metavar = S.CLI_METAVAR_PATH if kind.dir_okay else S.CLI_METAVAR_FILE
        elif isinstance(kind, click.types.IntParamType):
            param.metavar = S.CLI_METAVAR_NUMBER
        elif kind is click.STRING:
            param.metavar = S.CLI_METAVAR_TEXT


def _use_db(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    """``--db`` given after the subcommand: the same as before it."""
    session = ctx.find_object(Session)
    if value is not None and session is not None:
        session.db = value


class DialogCommand(click.Command):
    """A command whose help reads ``[TILVALG]`` and names values in Danish, and
    that takes ``--db`` anywhere on the line (``dialog-tui export 1 --db X``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", S.CLI_OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)
        if not any(p.name == "db" for p in self.params):
            self.params.append(
                click.Option(
                    ["--db"],
                    type=click.Path(path_type=Path),
                    expose_value=False,
                    is_eager=True,
                    callback=_use_db,
                    help=S.CLI_DB_HELP,
                )
            )
        _danish_metavars(self.params)


class DialogGroup(click.Group):
    command_class = DialogCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", S.CLI_OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", S.CLI_SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)
        _danish_metavars(self.params)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Usage errors as one Danish line, like every other error."""
        kwargs["standalone_mode"] = False  # also when a caller passes it (tests do)
        try:
            return super().main(*args, **kwargs)
        except click.UsageError as e:
            command = e.ctx.command_path if e.ctx and e.ctx.parent else S.APP_TITLE
            message = e.format_message().rstrip(".")
            fail(S.CLI_USAGE_HINT.format(message=message, command=command), code=2)
        except click.ClickException as e:
            fail(e.format_message(), code=e.exit_code)
        except click.Abort:
            fail(S.CLI_ABORTED, code=130)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DialogError as e:
            fail(str(e))
        except BrokenPipeError:  # e.g. `dialog-tui dump 1 | head`
            sys.stderr.close()
            sys.exit(1)
        except OSError as e:  # a file the command reads or writes: in Danish too
            from ..errors import os_reason

            fail(S.OS_ERROR_LINE.format(path=e.filename or "", reason=os_reason(e)).lstrip(": "))
        except KeyboardInterrupt:
            fail(S.CLI_ABORTED, code=130)
        except Exception as e:  # an SQLite error past the store's checks: a damaged page
            from ..store.connection import as_store_error

            session = ctx.find_object(Session)
            error = None if session is None else as_store_error(session.db_path, e)
            if error is None:
                raise
            fail(str(error))


MAX_ID = 2**63 - 1
"""SQLite's largest integer: a bigger id or number cannot even be looked up."""


class Range(click.IntRange):
    """click's ``IntRange`` with its range written the Danish way (``1–9999``)."""

    def _describe_range(self) -> str:
        return S.CLI_RANGE.format(min=self.min, max=self.max)


ID = Range(1, MAX_ID)
"""The type of every id argument."""


def fail(message: str, code: int = 1) -> None:
    output.echo(S.CLI_ERROR.format(message=message), err=True)
    sys.exit(code)


FORCE = click.option("--force", is_flag=True, help=S.CLI_FORCE_HELP)
"""Every command that writes a file: without it, an existing file is kept."""


class Session:
    """What a command needs: the database path, and the store opened on demand."""

    def __init__(self, db: Path | None) -> None:
        self.db = db
        self._store: Store | None = None

    @property
    def db_path(self) -> Path:
        from ..store import default_db_path

        return self.db or default_db_path()

    def output(self, path: Path, *, force: bool) -> Path:
        """``path`` checked before anything is written: never the live database
        or something that is not a regular file; an existing file only with
        ``--force``."""
        from ..files import check_output, database_files

        return check_output(path, protected=database_files(self.db_path), force=force)

    def store(self) -> Store:
        if self._store is None:
            from ..store import Store

            self._store = Store.open(self.db_path)
            if self._store.network:
                output.echo(S.NETWORK_DRIVE.format(path=self.db_path), err=True)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


pass_session = click.make_pass_decorator(Session)


COMMANDS = {
    "open": "app",
    "new": "app",
    "keys": "app",
    "backup": "backup",
    "check": "backup",
    "rescue": "backup",
    "restore": "backup",
    "unlock": "backup",
    "file": "casework",
    "set": "casework",
    "agendas": "dialogues",
    "dump": "dialogues",
    "list": "dialogues",
    "load": "dialogues",
    "export": "export",
    "overview": "export",
    "template": "export",
    "figures": "figures",
    "followup": "yearly",
    "goals": "yearly",
    "reopen": "yearly",
    "search": "yearly",
    "status": "yearly",
}
"""Each top-level command and the module (in this package) that registers it."""


class LazyDialogGroup(DialogGroup):
    """The top-level group: a command's module is imported when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import_module(f"{__package__}.{COMMANDS[cmd_name]}")  # registers on ``main``
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyDialogGroup, invoke_without_command=True, help=S.CLI_HELP)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    envvar="DIALOG_TUI_DB",
    help=S.CLI_DB_HELP,
)
@click.version_option(package_name="dialog-tui")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    session = Session(db)
    ctx.obj = session
    ctx.call_on_close(session.close)
    if ctx.invoked_subcommand is None:
        from ..tui.app import run_app

        run_app(session.db_path)
