"""The gate: everything from outside (JSON, agenda and settings files, forms)
is validated here, by pydantic, into the model's plain dataclasses.

pydantic is imported on the first validation, never by reading our own
database: its import and schema builds were a third of the time to the first
frame of ``open``. The rules are the model's annotations (``cleaning.Rule``)."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def adapter(cls: Any) -> Any:
    """The pydantic TypeAdapter of a model class (built once)."""
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def validated(cls: type[T], data: Any) -> T:
    """``data`` (a dict, or an instance) as a validated ``cls``; raises pydantic's
    ValidationError (a ValueError) naming the field."""
    return adapter(cls).validate_python(data)


def revised(obj: T, **changes: Any) -> T:
    """A validated copy of ``obj`` with ``changes``: what a form sets is checked
    and cleaned as if the whole object came in anew (ids kept)."""
    return validated(type(obj), {**fields_of(obj), **changes})


def fields_of(obj: Any) -> dict[str, Any]:
    """An object's fields, shallow (nested objects as they are)."""
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def dumped(obj: Any, **options: Any) -> Any:
    """Plain data (``mode="json"``: JSON-ready) of a model object, its ids left out."""
    return adapter(type(obj)).dump_python(obj, **options)


def dumped_json(obj: Any, **options: Any) -> str:
    return adapter(type(obj)).dump_json(obj, **options).decode()


def invalid() -> type[Exception]:
    """pydantic's ValidationError, for an ``except`` that needs it."""
    from pydantic import ValidationError

    return ValidationError
