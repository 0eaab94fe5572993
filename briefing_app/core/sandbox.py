"""The bounded Jinja2 sandbox that library templates run in.

Jinja's sandbox keeps a template away from Python internals, but not from exhausting time or
memory: one `center(3000000000)`, a filter iterating inside two nested loops or a string
doubled 30 times is enough. Here every template runs against a `Budget` (steps, characters
written, seconds) and every operation that can build something large is checked before it
runs, from its inputs: repetition, padding and format widths, powers, replacements, joins.
Whatever a template does, it finishes within these bounds (`template_budget`) or raises
`SecurityError`.

Steps are counted in three places the compiled template cannot avoid: each loop iteration
(the loop's sequence is wrapped when the template is compiled), each item a filter reads, and
each call or arithmetic operation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sized
from functools import update_wrapper, wraps
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter, SecurityError
from jinja2.visitor import NodeTransformer

from .template_budget import (
    MAX_DIGITS,
    MAX_ITEMS,
    as_width,
    budget,
    checked,
    printf_size,
    refuse_size,
    replace_size,
)

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
        widths = [as_width(n) for n in re.findall(r"\d+", format_spec)]
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
            refuse_size("the '%' format", printf_size(left, right))
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
                replace_size(owner, *args[:2])
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
        refuse_size("the 'format' filter", printf_size(str(value), tuple(args) or kwargs))
    elif name == "replace":
        replace_size(str(value), arg(0, "old"), arg(1, "new"))
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
