"""The limits library templates run within, and the budget that holds a run to them.

A template's cost is counted (steps, characters written, seconds) against a `Budget` that
lives for one render or evaluation, and anything that would build a large value is sized from
its inputs before it is built. The sandbox (`sandbox`) calls these checks from every place a
template can spend; kept apart from it so the limits and their arithmetic read in one place.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from jinja2 import Undefined
from jinja2.sandbox import SecurityError

MAX_OUTPUT = 20_000  # characters a template may write, and the longest text or list it may build
MAX_ITEMS = 1000  # items in a range() or a repeated list or text
MAX_STEPS = 100_000  # loop iterations, items read by filters, calls and operations, all counted
MAX_DIGITS = 300  # digits in a whole number
MAX_SECONDS = 2.0
MAX_SOURCE = 50_000  # characters of template source
MAX_NESTING = 40  # brackets open at once in a template's source
MAX_TREE_DEPTH = 100  # operators, filters and blocks inside each other (the compiler recurses)
MAX_LOOP_DEPTH = 2

_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")

_BUDGET: ContextVar[Budget | None] = ContextVar("template_budget", default=None)


class Budget:
    """What one render or evaluation may still spend."""

    def __init__(self) -> None:
        self.steps = 0
        self.written = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise SecurityError(f"the template takes more than {MAX_STEPS:,} steps (loop "
                                "iterations, items read by filters, calls); library templates "
                                "must stay small")
        if time.monotonic() > self.deadline:
            raise SecurityError(f"the template ran longer than {MAX_SECONDS:g} seconds")

    def write(self, text: str) -> str:
        self.written += len(text)
        if self.written > MAX_OUTPUT:
            raise SecurityError(f"template output is longer than {MAX_OUTPUT} characters")
        return text

    def read(self, value: Any, per_char: int = 1000) -> Any:
        """`value` as a filter or loop will go through it, with each item counted (and each
        `per_char` characters of text)."""
        if isinstance(value, Undefined):
            return value  # for `default`; anything else it reaches says what is undefined
        if isinstance(value, str):
            self.step(len(value) // per_char)
            return value
        if isinstance(value, Sized):
            self.step(len(value))
            return value
        if isinstance(value, Iterable):
            return self._counted(value)
        return value

    def _counted(self, items: Iterable[Any]):
        for item in items:
            self.step()
            yield item


def budget() -> Budget:
    found = _BUDGET.get()
    if found is None:  # only reached by a template run outside `bounded()`
        raise SecurityError("library templates run only within their limits")
    return found


@contextmanager
def bounded():
    """Run the templates inside with a fresh budget."""
    token = _BUDGET.set(Budget())
    try:
        yield
    finally:
        _BUDGET.reset(token)


def refuse_size(what: str, size: int, unit: str = "characters") -> None:
    if size > MAX_OUTPUT:
        raise SecurityError(f"{what} would make {size:,} {unit}; a library template may build "
                            f"at most {MAX_OUTPUT:,}")


def checked(value: Any, what: str) -> Any:
    """`value` if it is within bounds: text and lists no longer than MAX_OUTPUT, whole
    numbers no longer than MAX_DIGITS."""
    if isinstance(value, str | bytes):
        refuse_size(what, len(value))
    elif isinstance(value, list | tuple | dict | set | frozenset):
        refuse_size(what, len(value), "items")
    elif isinstance(value, int) and value.bit_length() > MAX_DIGITS * 3.33:
        raise SecurityError(f"{what} makes a number of more than {MAX_DIGITS} digits")
    return value


def printf_size(fmt: str, args: Any) -> int:
    """The most characters `fmt % args` can write, refusing widths given as `*`."""
    values = args.values() if isinstance(args, dict) else args if isinstance(args, tuple) else (args,)
    size = len(fmt) + sum(len(str(v)) for v in values)
    for match in _PRINTF_SPEC.finditer(fmt):
        for number in match.groups():
            if number == "*":
                raise SecurityError("'*' widths are not allowed in library templates")
            size += as_width(number or "0")
    return size


def as_width(digits: str) -> int:
    return int(digits) if len(digits) < 10 else 10**10


def replace_size(text: str, old: Any, new: Any) -> None:
    if isinstance(old, str) and isinstance(new, str):
        hits = text.count(old) if old else len(text) + 1
        refuse_size("'replace'", len(text) + hits * max(0, len(new) - len(old)))
