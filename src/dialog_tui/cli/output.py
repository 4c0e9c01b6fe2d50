"""The one way the CLI writes to a terminal: nothing user-given is ever obeyed.

Stored text is clean already (the model drops control characters), but error
lines carry paths and values typed on the command line, and a file name can
hold an escape sequence. Each character that is not text is written visibly
(``\\x1b``) in plain output and as a JSON escape (``\\u001b``) in JSON output.
Every ``click.echo`` of the package is here (``tests/test_hostile_cli.py``)."""

from __future__ import annotations

import json

import click

from ..cleaning import unsafe, visible
from ..model import MARK_END, MARK_START


def echo(message: object = "", *, err: bool = False, nl: bool = True) -> None:
    click.echo(visible(str(message)), err=err, nl=nl)


def echo_marked(line: str, start: str, end: str) -> None:
    """A line with search hits between MARK_START and MARK_END, each written
    between ``start`` and ``end`` (bold on a terminal, brackets in a pipe)."""
    shown = visible(line, keep="\n\t" + MARK_START + MARK_END)
    click.echo(shown.replace(MARK_START, start).replace(MARK_END, end))


def json_text(text: str) -> str:
    """JSON with every character that is not text escaped (``\\u202e``): the same
    JSON to a parser, nothing a terminal obeys. Such characters can only stand
    inside JSON strings, where an escape means the same character."""
    if text.isprintable():
        return text
    return "".join(json.dumps(ch)[1:-1] if unsafe(ch, "\n") else ch for ch in text)


def echo_json(data: object) -> None:
    echo_json_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def echo_json_text(text: str) -> None:
    click.echo(json_text(text), nl=False)


def confirm(question: str) -> None:
    click.confirm(visible(question), abort=True)
