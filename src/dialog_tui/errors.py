"""Errors that reach the user: each carries one clear Danish sentence."""


class DialogError(Exception):
    """Bad input or a failed operation the user can act on; never a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class StoreError(DialogError):
    """The database cannot be opened or written."""


class LockLost(StoreError):
    """This instance's edit lock on a dialogue was taken over or cleared: it may
    not write the dialogue any more (the screen turns read-only)."""


class DatabaseBusy(StoreError):
    """Another process holds the database's write lock (past the busy timeout):
    nothing was written; the same write may succeed a moment later."""


class DatabaseDamaged(StoreError):
    """SQLite found damaged pages: the line points to ``check`` and ``rescue``."""


class DatabaseGone(StoreError):
    """The database file was deleted, moved or replaced while open: what is
    written now would land in a file nobody will see again."""


class AgendaError(DialogError):
    """An agenda file is missing or malformed."""


class ExchangeError(DialogError):
    """A dialogue JSON file cannot be read or written."""


class NotFound(DialogError):
    """A dialogue, agenda point or note that does not exist (any more)."""


def describe_validation_error(error: object, *, one_based: bool = False) -> tuple[str, str]:
    """(field path, Danish reason) for the first error of a pydantic ValidationError.

    ``one_based`` prints list positions as a reader counts them: ``items[3].minutes``.
    """
    from . import strings as S

    err = error.errors()[0]  # type: ignore[attr-defined]
    field = ""
    for part in err["loc"]:
        if isinstance(part, int):
            field += f"[{part + 1 if one_based else part}]"
        else:
            field += ("." if field else "") + str(part)
    template = S.VALIDATION_ERRORS.get(err["type"])
    if template is None:
        return field or S.ROOT_FIELD, err["msg"]
    ctx = {k: v for k, v in (err.get("ctx") or {}).items()}
    if "error" in ctx:
        text = str(ctx["error"])
        ctx["error"] = S.VALUE_ERRORS.get(text, text)
    try:
        reason = template.format(**ctx)
    except (KeyError, IndexError):
        reason = err["msg"]
    return field or S.ROOT_FIELD, reason


class ExportError(DialogError):
    """The memo cannot be written: bad template, CPR number found, no LibreOffice."""


class FollowUpError(DialogError):
    """Next year's dialogue cannot be started from the one given."""


class SettingsError(DialogError):
    """A settings file in the config folder (``memo.toml``, ``themes.toml``) is bad."""


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in Danish (the system's text is English)."""
    from . import strings as S

    for kind, reason in S.OS_ERRORS.items():
        if type(error).__name__ == kind:
            return reason
    if error.errno is not None and error.errno in S.OS_ERRNO:
        return S.OS_ERRNO[error.errno]
    return S.OS_ERROR_OTHER.format(errno=error.errno or "?")


def json_reason(message: str) -> str:
    """A JSON syntax error's reason (``Expecting value``) in Danish."""
    from . import strings as S

    return next((v for k, v in S.JSON_ERRORS.items() if message.startswith(k)), message)
