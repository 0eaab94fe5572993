"""Library templates: Jinja2 in an immutable sandbox, undefined names are errors.

Templates come from files colleagues edit by hand, so they must not reach Python internals,
files or the environment, and a misspelt field must be an error rather than an empty string.
`check_template` also walks the template's syntax tree so a misspelt field is caught even in a
branch that no country in the library happens to take.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .brief import Meeting
from .models import NETWORK_ROLES, Carrier, Country

MAX_OUTPUT = 20_000
MAX_ITEMS = 1000
MAX_LOOP_DEPTH = 2
_FORBIDDEN = {
    nodes.Macro: "macros", nodes.CallBlock: "call blocks", nodes.Include: "include",
    nodes.Import: "import", nodes.FromImport: "import", nodes.Extends: "extends",
}

COUNTRY_FIELDS = {"code", "name", "in_text", "at_start", "us_forces", "hosts_us_forces", "policy",
                  "carriers", "stance", "stance_date", "stance_deadline"}
CARRIER_FIELDS = {"id", "name", "in_text", "vendors", "vendor_names", "notes", "stance",
                  "high_risk", "deadline"}
MEETING_FIELDS = {"title", "place", "audience", "purpose"}
CONTEXT_FIELDS = {"country": COUNTRY_FIELDS, "carrier": CARRIER_FIELDS, "meeting": MEETING_FIELDS}


class _Environment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
        self.globals.clear()
        self.globals["range"] = self._small_range

    @staticmethod
    def _small_range(*args: int) -> range:
        span = range(*args)
        if len(span) > MAX_ITEMS:
            raise SecurityError(f"range() is limited to {MAX_ITEMS} items in library templates")
        return span


    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        """Refuse `'x' * 10**9` and `10 ** 10**9` before they exhaust memory or time."""
        if operator == "**" and isinstance(right, int) and abs(right) > 100:
            raise SecurityError("exponents above 100 are not allowed in library templates")
        if operator == "*" and isinstance(left, int) and isinstance(right, str | list):
            left, right = right, left
        if operator == "*" and isinstance(left, str | list) and isinstance(right, int):
            if len(left) * right > MAX_ITEMS:
                raise SecurityError(f"repeating text or lists is limited to {MAX_ITEMS} items "
                                    "in library templates")
        return super().call_binop(context, operator, left, right)


ENV = _Environment()


def template_context(
    country: Country, carrier: Carrier | None, meeting: Meeting | None = None
) -> dict[str, Any]:
    """The plain data a template sees: dicts and lists, never the models themselves."""
    meeting = meeting or Meeting()
    return {
        "country": {
            "code": country.code,
            "name": country.name,
            "in_text": country.in_text,
            "at_start": country.at_start,
            "us_forces": [f.model_dump() for f in country.us_forces],
            "hosts_us_forces": bool(country.us_forces),
            "policy": [{"date": p.date, "note": p.note} for p in country.policy],
            "carriers": [{"id": c.id, "name": c.name} for c in country.carriers],
            **_host_stance(country),
        },
        "carrier": None
        if carrier is None
        else {
            "id": carrier.id,
            "name": carrier.name,
            "in_text": carrier.in_text,
            "vendors": [{"vendor": v.vendor, "role": v.role, "networks": list(v.networks),
                         "status": v.status, "deadline": v.deadline, "phrase": v.phrase}
                        for v in carrier.vendors],
            "vendor_names": carrier.vendor_names,
            "notes": carrier.notes,
            **_carrier_stance(carrier),
        },
        "meeting": {
            "title": meeting.title,
            "place": meeting.place,
            "audience": meeting.audience,
            "purpose": meeting.purpose,
        },
    }


def _host_stance(country: Country) -> dict[str, Any]:
    """`stance`, and the date and deadline of the decision that set it (None without one)."""
    note = country.stance_note
    return {"stance": country.stance, "stance_date": note.date if note else None,
            "stance_deadline": note.deadline if note else None}


def _carrier_stance(carrier: Carrier) -> dict[str, Any]:
    """`stance`; the high-risk vendors in service or being replaced; the latest deadline for
    replacing them (None without one)."""
    risky = [v for v in carrier.vendors
             if v.high_risk and v.role in NETWORK_ROLES and v.status != "removed"]
    deadlines = [v.deadline for v in risky if v.status == "replacing" and v.deadline]
    return {"stance": carrier.stance, "high_risk": sorted({v.vendor for v in risky}),
            "deadline": max(deadlines, default=None)}


def _unknown_fields(tree: nodes.Node) -> list[str]:
    problems = []
    loaded = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    for name in sorted(loaded - _locals(tree) - set(ENV.globals)):
        if name not in CONTEXT_FIELDS:
            problems.append(f"unknown name '{name}' (known: country, carrier, meeting)")
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
    """Reasons the template is wrong without rendering it: syntax, unknown names or fields."""
    try:
        if expression:
            tree = ENV.parse("{{ (" + source + ") }}")
        else:
            tree = ENV.parse(source)
    except TemplateError as err:
        line = getattr(err, "lineno", None)
        at = f" (line {line})" if line and not expression else ""
        return [f"template syntax error{at}: {err.message or err}"]
    return _structure_problems(tree) + _unknown_fields(tree)


@lru_cache(maxsize=4096)
def _compiled(source: str) -> Template:
    problems = _structure_problems(ENV.parse(source))
    if problems:
        raise SecurityError(problems[0])
    return ENV.from_string(source)


@lru_cache(maxsize=1024)
def _compiled_expression(source: str):
    return ENV.compile_expression(source, undefined_to_none=False)


def render(source: str, context: dict[str, Any]) -> str:
    """Render a template; raises TemplateError or SecurityError for the caller to report."""
    if "{" not in source:
        return source.strip()
    try:
        text = _compiled(source).render(context)
    except RecursionError:
        raise SecurityError("template recursion is too deep") from None
    if len(text) > MAX_OUTPUT:
        raise SecurityError(f"template output is longer than {MAX_OUTPUT} characters")
    return text.strip()


def evaluate(expression: str, context: dict[str, Any]) -> bool:
    """Evaluate an `applies_when` expression to a yes or no."""
    return bool(_compiled_expression(expression)(**context))


_FIELD = re.compile(r"\b(country|carrier)\.(\w+)")


@lru_cache(maxsize=4096)
def fields_used(source: str) -> frozenset[str]:
    """The context fields a template reads, such as 'carrier.vendors' or 'country.policy', so
    the facts it prints can be cited. Read from the text, not a parse: an export reads every
    chosen point's templates, and parsing them all again cost 10-20 ms."""
    return frozenset(f"{name}.{field}" for name, field in _FIELD.findall(source))


def describe_error(err: Exception) -> str:
    """A template error in plain words."""
    if isinstance(err, SecurityError):
        return f"not allowed in a library template: {err}"
    message = getattr(err, "message", None) or str(err)
    line = getattr(err, "lineno", None)
    return f"{message} (line {line})" if line else message
