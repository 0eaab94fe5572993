"""The bounded Jinja2 sandbox that library templates run in.

Jinja's sandbox keeps a template away from Python internals, but not from exhausting time or
memory: one `center(3000000000)`, a filter iterating inside two nested loops or a string
doubled 30 times is enough. Here every template runs against a `Budget` (steps, characters
written, seconds) and every operation that can build something large is checked before it
runs, from its inputs: repetition, padding and format widths, powers, replacements, joins.
Whatever a template does, it finishes within these bounds or raises `SecurityError`.

Steps are counted in three places the compiled template cannot avoid: each loop iteration
(the loop's sequence is wrapped when the template is compiled), each item a filter reads, and
each call or arithmetic operation.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from functools import update_wrapper, wraps
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter, SecurityError
from jinja2.visitor import NodeTransformer

MAX_OUTPUT = 20_000  # characters a template may write, and the longest text or list it may build
MAX_ITEMS = 1000  # items in a range() or a repeated list or text
MAX_STEPS = 100_000  # loop iterations, items read by filters, calls and operations, all counted
MAX_DIGITS = 300  # digits in a whole number
MAX_SECONDS = 2.0
MAX_SOURCE = 50_000  # characters of template source
MAX_NESTING = 40  # brackets open at once in a template's source
MAX_TREE_DEPTH = 100  # operators, filters and blocks inside each other (the compiler recurses)
MAX_LOOP_DEPTH = 2

# Filters a talking point can use; the others (urlize, wordwrap, tojson, random, ...) make no
# sense on a printed page, and `random` would make two exports of one brief differ.
FILTERS = frozenset({
    "abs", "attr", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e",
    "escape", "first", "float", "format", "groupby", "indent", "int", "items", "join", "last",
    "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace", "reverse",
    "round", "safe", "select", "selectattr", "slice", "sort", "string", "sum", "title", "trim",
    "truncate", "unique", "upper", "wordcount",
})
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
# Table-driven rewriting, tabs, and bytes (whose own formatting would need every check again).
_REFUSED_METHODS = frozenset({"translate", "maketrans", "expandtabs", "encode", "to_bytes"})
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


def _printf_size(fmt: str, args: Any) -> int:
    """The most characters `fmt % args` can write, refusing widths given as `*`."""
    values = args.values() if isinstance(args, dict) else args if isinstance(args, tuple) else (args,)
    size = len(fmt) + sum(len(str(v)) for v in values)
    for match in _PRINTF_SPEC.finditer(fmt):
        for number in match.groups():
            if number == "*":
                raise SecurityError("'*' widths are not allowed in library templates")
            size += _number(number or "0")
    return size


def _number(digits: str) -> int:
    return int(digits) if len(digits) < 10 else 10**10


def _concat(*parts: Any) -> str:
    """What `~` makes, refused before it is built when too long."""
    texts = [str(p) for p in parts]
    refuse_size("joining text with '~'", sum(map(len, texts)))
    return "".join(texts)


def _loop(items: Any) -> Any:
    """A for loop's sequence, with its iterations counted."""
    return budget().read(items, per_char=1)


@pass_context
def _finalize(context, value: Any) -> Any:
    """Every `{{ ... }}` as it is written: counted, and never a function or a half-made
    sequence, whose printed form is a memory address."""
    if not isinstance(value, Undefined) and (callable(value) or isinstance(value, Iterator)):
        what = (f"the function '{getattr(value, '__name__', '?')}' (a missing '()'?)" if callable(value)
                else "an unfinished sequence (add '|join(\", \")' or '|list')")
        raise SecurityError(f"the template prints {what} instead of text")
    budget().write(str(value))
    return value


class _BoundedFormatter(SandboxedFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        widths = [_number(n) for n in re.findall(r"\d+", format_spec)]
        refuse_size(f"the format '{{:{format_spec[:20]}}}'", max(widths, default=0))
        return super().format_field(value, format_spec)


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with every operation counted and sized before it runs."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
                         optimized=False, finalize=_finalize)
        self.globals.clear()
        self.globals["range"] = _small_range
        self.filters = {name: bounded_filter(name, func) for name, func in self.filters.items()
                        if name in FILTERS}

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        budget().step()
        if operator == "*" and isinstance(left, int) and isinstance(right, str | bytes | list | tuple):
            left, right = right, left
        if operator == "*" and isinstance(left, str | bytes | list | tuple) and isinstance(right, int):
            if len(left) * right > MAX_ITEMS:
                raise SecurityError(f"repeating text or lists is limited to {MAX_ITEMS} items "
                                    "in library templates")
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if abs(right) > 100 or max(left.bit_length(), 1) * right > MAX_DIGITS * 3.33:
                raise SecurityError(f"{left if left.bit_length() < 64 else 'a large number'} ** "
                                    f"{right} is too large: exponents above 100 and results above "
                                    f"{MAX_DIGITS} digits are not allowed in library templates")
        if operator == "%" and isinstance(left, str):
            refuse_size("the '%' format", _printf_size(left, right))
        return checked(super().call_binop(context, operator, left, right), f"'{operator}'")

    def call(self, context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        name = getattr(obj, "__name__", "")
        owner = getattr(obj, "__self__", None)
        budget().step(1 + (len(owner) // 1000 if isinstance(owner, str) else 0))
        if isinstance(owner, str | int | float):
            if name in ("format", "format_map"):
                obj = self.wrap_str_format(obj) or obj
            if name in _REFUSED_METHODS:
                raise SecurityError(f"'.{name}()' is not allowed in library templates")
            if name in _WIDTH_METHODS:
                width = args[0] if args else 0
                if isinstance(width, int):
                    refuse_size(f"'.{name}({width})'", width)
            if isinstance(owner, str) and name == "replace" and len(args) >= 2:
                _replace_size(owner, *args[:2])
            if isinstance(owner, str) and name == "join" and args:
                args = (list(budget().read(args[0])), *args[1:])
                refuse_size("'.join()'", len(owner) * len(args[0])
                            + sum(len(x) for x in args[0] if isinstance(x, str)))
        return checked(super().call(context, obj, *args, **kwargs), f"'{name or 'call'}()'")

    def wrap_str_format(self, value: Any):
        """`str.format` and `format_map` with each field's width checked before it is padded."""
        if super().wrap_str_format(value) is None:
            return None
        text, is_map = value.__self__, value.__name__ == "format_map"
        vformat = _BoundedFormatter(self).vformat

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return type(text)(vformat(text, args, kwargs))

        return update_wrapper(wrapper, value)


def _replace_size(text: str, old: Any, new: Any) -> None:
    if isinstance(old, str) and isinstance(new, str):
        hits = text.count(old) if old else len(text) + 1
        refuse_size("'replace'", len(text) + hits * max(0, len(new) - len(old)))


def _small_range(*args: int) -> range:
    span = range(*args)
    if len(span) > MAX_ITEMS:
        raise SecurityError(f"range() is limited to {MAX_ITEMS} items in library templates")
    return span


def _filter_inputs(name: str, value: Any, args: tuple, kwargs: dict) -> None:
    """Refuse a filter call whose result would be too large, from its inputs."""
    def arg(index: int, key: str, default: Any = None) -> Any:
        return args[index] if len(args) > index else kwargs.get(key, default)

    if name == "center":
        refuse_size(f"'center({arg(0, 'width', 80)})'", _int(arg(0, "width", 80)))
    elif name == "indent":
        width = arg(0, "width", 4)
        pad = len(width) if isinstance(width, str) else _int(width)
        refuse_size("'indent'", len(str(value)) + (str(value).count("\n") + 1) * pad)
    elif name in ("batch", "slice"):
        size = _int(arg(0, "linecount" if name == "batch" else "slices", 0))
        refuse_size(f"'{name}({size})'", size, "items")
        budget().step(max(size, 0))
    elif name == "format":
        refuse_size("the 'format' filter", _printf_size(str(value), tuple(args) or kwargs))
    elif name == "replace":
        _replace_size(str(value), arg(0, "old"), arg(1, "new"))
    elif name == "sum" and not isinstance(arg(1, "start", 0), int | float):
        raise SecurityError("the 'sum' filter adds numbers only")
    elif name == "join":
        joiner = arg(0, "d", "")
        refuse_size("'join'", len(str(joiner)) * len(value) + sum(len(str(x)) for x in value))


def _int(value: Any) -> int:
    return value if isinstance(value, int) else 0


def bounded_filter(name: str, func):
    first = 1 if getattr(func, "jinja_pass_arg", None) else 0  # context or environment comes first

    @wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        spend = budget()
        spend.step()
        if len(args) > first:
            value = spend.read(args[first])
            if name == "join" and not isinstance(value, str | Sized):
                value = list(value)
            args = (*args[:first], value, *args[first + 1:])
            _filter_inputs(name, value, args[first + 1:], kwargs)
        return checked(func(*args, **kwargs), f"the '{name}' filter")

    return bounded


class _Bounder(NodeTransformer):
    """Rewrites a parsed template so its loops are counted, `~` is sized before it joins, and
    text written inside a loop counts towards the output (text outside loops is the source)."""

    def visit_For(self, node: nodes.For) -> nodes.For:
        node = self.generic_visit(node)
        node.iter = _helper("_loop", [node.iter], node.lineno)
        for part in (*node.body, *node.else_):
            for output in [part, *part.find_all(nodes.Output)]:
                if isinstance(output, nodes.Output):
                    output.nodes = [nodes.Const(n.data, lineno=n.lineno)
                                    if isinstance(n, nodes.TemplateData) else n for n in output.nodes]
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:
        node = self.generic_visit(node)
        return _helper("_concat", node.nodes, node.lineno)


def _helper(name: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.ImportedName(f"{__name__}.{name}", lineno=lineno), list(args), [],
                      None, None, lineno=lineno)


def bound_tree(tree: nodes.Template) -> nodes.Template:
    return _Bounder().visit(tree)
