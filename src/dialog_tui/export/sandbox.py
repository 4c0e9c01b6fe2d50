"""Fill a template's ``{{ placeholders }}`` in a sandbox, bounded in time and size.

A template is a file anyone in the administration can edit, so its Jinja is
hostile: it is rendered by ``jinja2.sandbox.SandboxedEnvironment`` with only the
documented placeholders in its context (unknown names are an error), a few
harmless filters, no globals but a budgeted ``range``, no ``set``/``with``/macros,
no ``include``/``import``/``extends``, ``for`` nested at most three deep,
string repetition, addition, joining (``~``) and powers capped, a total output
cap and a time limit.

:func:`check_text` renders the template's text paragraph by paragraph first, so
a problem is reported as one Danish line naming the template and the
placeholder; :func:`render` then fills the Word parts through docxtpl.
"""

from __future__ import annotations

import io
import re
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import strings as S
from ..errors import ExportError
from .document import PLACEHOLDERS, printable

if TYPE_CHECKING:
    from docx.document import Document

    from .template import CleanTemplate

MAX_SECONDS = 5.0
MAX_OUTPUT_CHARS = 20_000_000
"""Per rendered part (the Word XML, not only its text)."""
MAX_VALUE_CHARS = 100_000
"""Longest string or list a ``*`` may build."""
MAX_RANGE_ITEMS = 10_000
"""All ``range()`` calls of one rendering together."""
MAX_LOOP_DEPTH = 3

FILTERS = frozenset(
    [
        "upper",
        "lower",
        "title",
        "capitalize",
        "trim",
        "default",
        "d",
        "e",
        "escape",
        "string",
        "length",
        "count",
        "first",
        "last",
        "int",
        "abs",
        "round",
    ]
)
METHODS = frozenset(["upper", "lower", "title", "capitalize", "strip"])
LOOP_ATTRIBUTES = frozenset(
    [
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "previtem",
        "nextitem",
        "depth",
        "depth0",
    ]
)
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_DOCXTPL_PREFIX = re.compile(r"(\{[{%])-?(?:p|tr|tc|r)(?=\s)")
_QUOTES = str.maketrans("‘’“”", "''\"\"")
_TEMPLATE_FILE = "<template>"


class TemplateProblem(Exception):
    """Internal: what went wrong, as a Danish phrase, and on which line."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


class _Budget:
    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.range_left = MAX_RANGE_ITEMS

    def range(self, *args: int) -> range:
        items = range(*args)
        self.range_left -= len(items)
        if self.range_left < 0:
            raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG)
        return items

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG)

    def trace(self, frame: Any, event: str, arg: Any) -> Any:
        """``sys.settrace`` hook: only template code is watched, line by line."""
        if frame.f_code.co_filename != _TEMPLATE_FILE:
            return None
        return self._line

    def _line(self, frame: Any, event: str, arg: Any) -> Any:
        self.check_time()
        return self._line


def environment() -> Any:
    """A fresh sandbox (one per rendering: its budget is used up as it runs)."""
    from jinja2 import StrictUndefined
    from jinja2.compiler import CodeGenerator
    from jinja2.runtime import LoopContext, Undefined
    from jinja2.sandbox import SandboxedEnvironment

    budget = _Budget()

    class Generator(CodeGenerator):
        def visit_Concat(self, node: Any, frame: Any) -> None:
            """Jinja's own ``a ~ b``, with the parts measured before they are joined."""
            if frame.eval_ctx.volatile:
                join = "(markup_join if context.eval_ctx.volatile else str_join)"
            else:
                join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
            self.write(f"{join}(environment.measured((")
            for part in node.nodes:
                self.visit(part, frame)
                self.write(", ")
            self.write(")))")

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%", "+"})
        code_generator_class = Generator

        def measured(self, parts: tuple[Any, ...]) -> tuple[Any, ...]:
            """The parts of a ``~``: text and numbers, together within the cap."""
            size = 0
            for part in parts:
                if isinstance(part, Undefined):
                    str(part)  # StrictUndefined: says which name does not exist
                if isinstance(part, str):
                    size += len(part)
                elif isinstance(part, int | float | bool) or part is None:
                    size += 4300  # Python's longest int as text
                else:
                    raise TemplateProblem(S.TEMPLATE_PROBLEM_FORBIDDEN)
            if size > MAX_VALUE_CHARS:
                raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG)
            return parts

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if isinstance(obj, str):
                return attr in METHODS
            return isinstance(obj, LoopContext) and attr in LOOP_ATTRIBUTES

        def getattr(self, obj: Any, attribute: str) -> Any:
            # Before Jinja's own lookup, which hands out str.format/format_map.
            if isinstance(obj, str) and attribute not in METHODS:
                return self.unsafe_undefined(obj, attribute)
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            if isinstance(obj, str) and isinstance(argument, str):
                return self.unsafe_undefined(obj, argument)
            return super().getitem(obj, argument)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            budget.check_time()
            if operator == "%" and isinstance(left, str):
                raise TemplateProblem(S.TEMPLATE_PROBLEM_FORBIDDEN)
            if operator == "**" and not _small_power(left, right):
                raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG)
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
                    if sized and len(seq) * n > MAX_VALUE_CHARS:
                        raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG)
            sequences = isinstance(left, str | list | tuple) and isinstance(right, type(left))
            if operator == "+" and sequences and len(left) + len(right) > MAX_VALUE_CHARS:
                raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG)
            return super().call_binop(context, operator, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            budget.check_time()
            return super().call(__context, __obj, *args, **kwargs)

        def concat(self, chunks: Iterable[str]) -> str:  # type: ignore[override]
            """Join the output within :data:`MAX_OUTPUT_CHARS`, under the time limit."""
            out: list[str] = []
            size = 0
            previous = sys.gettrace()
            sys.settrace(budget.trace)
            try:
                for chunk in chunks:
                    size += len(chunk)
                    if size > MAX_OUTPUT_CHARS:
                        raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG)
                    out.append(chunk)
            finally:
                sys.settrace(previous)
            return "".join(out)

    # No loader: include/import/extends are refused before rendering (_forbidden).
    env = Sandbox(autoescape=True, undefined=StrictUndefined)
    env.globals.clear()
    env.globals["range"] = budget.range
    env.filters = {name: f for name, f in env.filters.items() if name in FILTERS}
    return env


def _small_power(base: Any, exponent: Any) -> bool:
    """``base ** exponent`` stays a number of at most a few thousand digits."""
    if not isinstance(exponent, int) or abs(exponent) > 64:
        return False
    return not isinstance(base, int) or abs(base).bit_length() * abs(exponent) <= 16_384


def _forbidden(tree: Any) -> None:
    """Statements a template may not use, named by their line."""
    from jinja2 import nodes

    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        raise TemplateProblem(S.TEMPLATE_PROBLEM_INCLUDE, node.lineno)
    kinds = (nodes.Assign, nodes.AssignBlock, nodes.With, nodes.Macro, nodes.CallBlock)
    for node in tree.find_all(kinds):
        raise TemplateProblem(S.TEMPLATE_PROBLEM_FORBIDDEN, node.lineno)

    def depth(node: Any, level: int) -> None:
        for child in node.iter_child_nodes():
            inner = level + isinstance(child, nodes.For)
            if inner > MAX_LOOP_DEPTH:
                raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG, child.lineno)
            depth(child, inner)

    depth(tree, 0)


def jinja_source(lines: Iterable[str]) -> str:
    """The template text as Jinja reads it after docxtpl's clean-up: its
    paragraph tags (``{%p``, ``{%tr`` …) plain, Word's curly quotes straight."""
    text = "\n".join(lines)
    text = _DOCXTPL_PREFIX.sub(r"\1", text)
    return TAG.sub(lambda m: m.group(0).translate(_QUOTES), text)


def check_text(template: CleanTemplate, context: Mapping[str, str]) -> None:
    """Render each part's text in the sandbox; the first problem becomes one
    Danish line naming the template and the placeholder."""
    for lines in template.text.values():
        source = jinja_source(lines)
        if "{" not in source:
            continue
        try:
            _render_text(source, _documented(context))
        except TemplateProblem as e:
            raise ExportError(_describe(template.path, source, e)) from None


def _documented(context: Mapping[str, str]) -> dict[str, str]:
    """Only the documented placeholders reach a template, as plain strings."""
    return {name: str(context.get(name, "")) for name in PLACEHOLDERS}


def _render_text(source: str, context: Mapping[str, str]) -> None:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    env = environment()
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as e:
        raise TemplateProblem(S.TEMPLATE_PROBLEM_SYNTAX, e.lineno) from None
    _forbidden(tree)
    try:
        env.from_string(tree).render(context)
    except TemplateProblem as e:
        e.line = e.line or _template_line(e)
        raise
    except UndefinedError as e:
        raise TemplateProblem(S.TEMPLATE_PROBLEM_UNKNOWN, _template_line(e)) from None
    except SecurityError as e:
        raise TemplateProblem(S.TEMPLATE_PROBLEM_FORBIDDEN, _template_line(e)) from None
    except (RecursionError, MemoryError) as e:
        raise TemplateProblem(S.TEMPLATE_PROBLEM_TOO_BIG, _template_line(e)) from None
    except Exception as e:  # the template's own code: any error is the template's
        raise TemplateProblem(S.TEMPLATE_PROBLEM_ERROR, _template_line(e)) from None


def _template_line(error: BaseException) -> int | None:
    """The template line the error came from (Jinja rewrites its traceback)."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _describe(path: Path, source: str, problem: TemplateProblem) -> str:
    lines = source.split("\n")
    tag = ""
    if problem.line:
        # The tag on the error's line, else the nearest one before it.
        for text in reversed(lines[: problem.line]):
            tags = TAG.findall(text)
            if tags:
                tag = tags[0]
                break
    if not tag:
        tags = TAG.findall(source)
        tag = tags[0] if tags else "{{ }}"
    tag = " ".join(printable(tag).split())
    if len(tag) > 60:
        tag = tag[:57] + "…"
    return S.TEMPLATE_PROBLEM.format(path=path, tag=tag, problem=problem.problem)


def render(template: CleanTemplate, context: Mapping[str, str]) -> Document:
    """Fill the Word parts (body, headers, footers, footnotes) through docxtpl
    in a fresh sandbox, after :func:`check_text` has passed."""
    from docxtpl import DocxTemplate

    check_text(template, context)
    docx_template = DocxTemplate(io.BytesIO(template.data))
    try:
        docx_template.render(_documented(context), jinja_env=environment(), autoescape=True)
    except Exception:  # docxtpl's XML surgery on the template's own structure
        raise ExportError(S.TEMPLATE_RENDER_FAILED.format(path=template.path)) from None
    document = docx_template.docx
    # docxtpl swaps in rendered header/footer parts on the relationships but not
    # in python-docx's rId -> part cache, which section.header reads.
    rels = document.part.rels
    for rId, rel in rels.items():
        if not rel.is_external:
            rels._target_parts_by_rId[rId] = rel.target_part
    return document
