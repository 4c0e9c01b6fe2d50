"""Click's own texts (usage errors, help headings) in Danish.

Click marks them for gettext but ships no catalogues, and each of its modules
binds ``gettext``/``ngettext`` at import; pointing those names at the table in
``strings.CLICK_TEXTS`` translates them without a compiled catalogue. A text
missing from the table stays in English rather than failing.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

from .. import strings as S

_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
)


def gettext(message: str) -> str:
    return S.CLICK_TEXTS.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
