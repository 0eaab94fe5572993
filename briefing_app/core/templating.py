"""Library templates: Jinja2 in a bounded, immutable sandbox; undefined names are errors.

Templates come from files colleagues edit by hand, so they must not reach Python internals,
files or the environment, must finish within fixed bounds (`sandbox`, `template_budget`), and
a misspelt field must be an error rather than an empty string. `check_template` walks the template's syntax
tree so a misspelt field is caught even in a branch that no country in the library happens to
take; `render` and `evaluate` run the same check first, and turn anything a template raises
into a `TemplateError` whose message says what went wrong in words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jinja2 import Template, TemplateError, TemplateRuntimeError, TemplateSyntaxError, nodes
from jinja2.environment import TemplateExpression
from jinja2.parser import Parser
from jinja2.sandbox import SecurityError

from .house_style import long_date, month_year, possessive
from .sandbox import BoundedEnvironment, bound_tree, bounded_filter
from .template_budget import (
    MAX_DIGITS,
    MAX_LOOP_DEPTH,
    MAX_NESTING,
    MAX_OUTPUT,
    MAX_SOURCE,
    MAX_TREE_DEPTH,
    bounded,
)
from .template_context import CONTEXT_FIELDS

_FORBIDDEN = {
    nodes.Macro: "macros", nodes.CallBlock: "call blocks", nodes.Include: "include",
    nodes.Import: "import", nodes.FromImport: "import", nodes.Extends: "extends",
    nodes.Block: "blocks",
}


ENV = BoundedEnvironment()
ENV.filters["month_year"] = bounded_filter("month_year", month_year)  # "December 2027", whatever the machine's locale
ENV.filters["long_date"] = bounded_filter("long_date", long_date)  # "December 1, 2027"
ENV.filters["possessive"] = bounded_filter("possessive", possessive)  # "Italy's", "the Philippines'"


def _unknown_fields(tree: nodes.Node) -> list[str]:
    problems = []
    loaded = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    for name in sorted(loaded - _locals(tree) - set(ENV.globals)):
        if name == "meeting":
            problems.append("library templates do not see the meeting (what the officer writes "
                            "reaches the page through the brief); for government or carrier "
                            "meetings use the point's 'audience'")
        elif name not in CONTEXT_FIELDS:
            problems.append(f"unknown name '{name}' (known: country, carrier)")
    for node in tree.find_all(nodes.Getattr):
        target = node.node
        if isinstance(target, nodes.Name) and target.name in CONTEXT_FIELDS:
            if node.attr not in CONTEXT_FIELDS[target.name]:
                known = ", ".join(sorted(CONTEXT_FIELDS[target.name]))
                problems.append(f"unknown field '{target.name}.{node.attr}' (known: {known})")
    return problems


def _structure_problems(tree: nodes.Node) -> list[str]:
    """Constructs a talking point never needs and that could run without end: macros,
    includes, recursive loops, loops nested more than two deep."""
    problems = [f"{word} are not allowed in library templates" if word.endswith("s")
                else f"'{word}' is not allowed in library templates"
                for kind, word in _FORBIDDEN.items() if any(True for _ in tree.find_all(kind))]
    for loop in tree.find_all(nodes.For):
        if loop.recursive:
            problems.append("recursive loops are not allowed in library templates")
            break
    if _loop_depth(tree) > MAX_LOOP_DEPTH:
        problems.append(f"loops may be nested at most {MAX_LOOP_DEPTH} deep in library templates")
    return problems


def _loop_depth(node: nodes.Node) -> int:
    inner = max((_loop_depth(child) for child in node.iter_child_nodes()), default=0)
    return inner + isinstance(node, nodes.For)


def _locals(tree: nodes.Node) -> set[str]:
    """Names the template binds itself (loop variables, set), which are not context names."""
    return {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")} | {"loop"}


def check_template(source: str, *, expression: bool = False) -> list[str]:
    """Reasons the template is wrong without rendering it: syntax, size, nesting, forbidden
    constructs (which alone are reported, since they make the rest moot), unknown names,
    fields and filters, numbers too long."""
    try:
        tree = _parse(source, expression)
    except TemplateError as err:
        line = getattr(err, "lineno", None)
        at = f" (line {line})" if line and not expression else ""
        return [f"template syntax error{at}: {err.message or err}"]
    return _structure_problems(tree) or _unknown_fields(tree) + _unknown_filters(tree) + _number_problems(tree)


def _parse(source: str, expression: bool) -> nodes.Template:
    """The syntax tree, or TemplateSyntaxError for a template too large or too deeply nested
    to parse safely (the parser and compiler recurse once per level)."""
    if len(source) > MAX_SOURCE:
        raise TemplateSyntaxError(f"a template may be at most {MAX_SOURCE:,} characters "
                                  f"(this one has {len(source):,})", 1)
    if _bracket_depth(source) > MAX_NESTING:
        raise TemplateSyntaxError(f"brackets are nested more than {MAX_NESTING} deep", 1)
    try:
        if not expression:
            tree = ENV.parse(source)
        else:
            parser = Parser(ENV, source, state="variable")
            condition = parser.parse_expression()
            if not parser.stream.eos:
                raise TemplateSyntaxError("unexpected text after the expression",
                                          parser.stream.current.lineno)
            tree = nodes.Template([nodes.Assign(nodes.Name("result", "store"), condition)], lineno=1)
    except TemplateSyntaxError:
        raise
    except (RecursionError, MemoryError):
        raise TemplateSyntaxError("the template is nested too deeply", 1) from None
    except Exception as err:  # the lexer's own errors, such as a number too long to read
        raise TemplateSyntaxError(_plain(err), 1) from None
    if _tree_depth(tree) > MAX_TREE_DEPTH:
        raise TemplateSyntaxError(f"the template is nested more than {MAX_TREE_DEPTH} deep "
                                  "(operators, filters or blocks inside each other)", 1)
    return tree


def _bracket_depth(source: str) -> int:
    depth = deepest = 0
    for char in source:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}" and depth:
            depth -= 1
    return deepest


def _tree_depth(tree: nodes.Node) -> int:
    deepest, stack = 0, [(tree, 1)]
    while stack and deepest <= MAX_TREE_DEPTH:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())
    return deepest


def _unknown_filters(tree: nodes.Node) -> list[str]:
    filters = {n.name for n in tree.find_all(nodes.Filter)} - set(ENV.filters)
    tests = {n.name for n in tree.find_all(nodes.Test)} - set(ENV.tests)
    return ([f"unknown filter '{name}' (known: {', '.join(sorted(ENV.filters))})" for name in sorted(filters)]
            + [f"unknown test '{name}'" for name in sorted(tests)])


def _number_problems(tree: nodes.Node) -> list[str]:
    return [f"a number of more than {MAX_DIGITS} digits" for _ in
            [n for n in tree.find_all(nodes.Const) if isinstance(n.value, int)
             and len(str(abs(n.value))) > MAX_DIGITS][:1]]


def _compile(source: str, expression: bool) -> Template:
    tree = _parse(source, expression)
    structure = _structure_problems(tree)
    if structure:
        raise SecurityError(structure[0])
    problems = _unknown_fields(tree) + _unknown_filters(tree) + _number_problems(tree)
    if problems:
        raise TemplateRuntimeError(problems[0])
    try:
        return ENV.from_string(bound_tree(tree))
    except TemplateError:
        raise
    except (RecursionError, MemoryError, SyntaxError):
        raise TemplateSyntaxError("the template is nested too deeply to compile", 1) from None


@lru_cache(maxsize=4096)
def _compiled(source: str) -> Template:
    return _compile(source, expression=False)


@lru_cache(maxsize=1024)
def _compiled_expression(source: str) -> TemplateExpression:
    return TemplateExpression(_compile(source, expression=True), undefined_to_none=False)


def _bounded_run(run: Callable[[], Any]) -> Any:
    """`run()` within the sandbox's limits; whatever it raises comes out as a TemplateError."""
    try:
        with bounded():
            return run()
    except TemplateError:
        raise
    except RecursionError:
        raise SecurityError("template recursion is too deep") from None
    except MemoryError:
        raise SecurityError("the template needs too much memory") from None
    except Exception as err:
        raise TemplateRuntimeError(_plain(err)) from None


def _plain(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"there is no key {err.args[0]!r}" if err.args else "a key is missing"
    if isinstance(err, ZeroDivisionError):
        return "division by zero"
    if isinstance(err, OverflowError):
        return "a number is too large"
    return str(err) or type(err).__name__


def render(source: str, context: dict[str, Any]) -> str:
    """Render a template; raises TemplateError (SecurityError for what the sandbox refuses)
    with a message in words, whatever went wrong."""
    if "{" not in source:
        return source.strip()
    template = _compiled(source)
    text = _bounded_run(lambda: template.render(context))
    if len(text) > MAX_OUTPUT:
        raise SecurityError(f"template output is longer than {MAX_OUTPUT} characters")
    return text.strip()


def evaluate(expression: str, context: dict[str, Any]) -> bool:
    """Evaluate an `applies_when` expression to a yes or no; raises TemplateError as `render`."""
    condition = _compiled_expression(expression)
    return _bounded_run(lambda: bool(condition(**context)))


def describe_error(err: Exception) -> str:
    """A template error in plain words."""
    if isinstance(err, SecurityError):
        return f"not allowed in a library template: {err}"
    message = getattr(err, "message", None) or str(err)
    line = getattr(err, "lineno", None)
    return f"{message} (line {line})" if line else message
