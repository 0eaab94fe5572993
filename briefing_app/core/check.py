"""The thorough library check behind `briefing-app library check` and the window's Problems list.

Loading already reports broken files; this adds what needs the whole library: every template
parsed and rendered for every country and carrier (and for no carrier), and review dates that
have gone stale. Rendering every template for every combination grew with points x carriers
(5,000 points and 500 countries took 1 min 46 s), so each renders once per distinct value of
the fields it reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from jinja2 import TemplateError, nodes

from .faults import Fault
from .library import DEFAULT_MAX_AGE_DAYS, Library, is_stale
from .models import Carrier, Country, TalkingPoint
from .provenance import provenance_faults
from .template_context import CONTEXT_FIELDS, template_context
from .templating import _parse, check_template, describe_error, evaluate, render

_RENDER_ERRORS = TemplateError  # render and evaluate raise nothing else


def point_templates(point: TalkingPoint) -> Iterator[tuple[str, str, bool]]:
    """(field name, template source, is an expression) for every template in a point."""
    yield "title", point.title, False
    yield "text", point.text, False
    yield "background", point.background, False
    if point.handout_text:
        yield "handout_text", point.handout_text, False
    if point.reason:
        yield "reason", point.reason, False
    if point.applies_when is not None:
        yield "applies_when", point.applies_when, True
    for index, qa in enumerate(point.if_raised, start=1):
        yield f"if_raised #{index}.question", qa.question, False
        yield f"if_raised #{index}.answer", qa.answer, False
        if qa.when:
            yield f"if_raised #{index}.when", qa.when, True
    for index, source in enumerate(point.sources, start=1):
        if source.when:
            yield f"sources #{index}.when", source.when, True


def _label(country: Country, carrier: Carrier | None) -> str:
    return country.name + (f" / {carrier.name}" if carrier else ", no carrier")


@lru_cache(maxsize=4096)
def _reads(source: str, expression: bool) -> tuple[str, ...]:
    """What a template reads of its context: 'country.name' for a field, 'carrier?' where only
    whether there is a carrier matters (`{% if carrier %}`), 'carrier' where the whole value
    does (`{% set c = carrier %}`). Its output depends on nothing else."""
    tree = _parse(source, expression)
    reads: set[str] = set()

    def walk(node: nodes.Node, parent: nodes.Node | None, test: bool) -> None:
        if isinstance(node, nodes.Name) and node.ctx == "load" and node.name in CONTEXT_FIELDS:
            if isinstance(parent, nodes.Getattr) and parent.node is node:
                reads.add(f"{node.name}.{parent.attr}")
            else:
                reads.add(node.name + ("?" if test else ""))
        for child in node.iter_child_nodes():
            in_test = ((isinstance(node, nodes.If | nodes.CondExpr) and child is node.test)
                       or isinstance(node, nodes.Not) or (test and isinstance(node, nodes.And | nodes.Or))
                       or (isinstance(node, nodes.Test) and node.name in ("none", "defined", "undefined")))
            walk(child, node, in_test)

    walk(tree, None, False)
    return tuple(sorted(reads))


class _Contexts:
    """Every country with each of its carriers and with none, grouped by what a template reads,
    so a template renders once per distinct value of that (a point that reads only `country`
    renders once per country), not once per combination."""

    def __init__(self, library: Library):
        pairs = [(c, k) for c in library.countries.values() for k in (None, *c.carriers)]
        self.labels = [_label(c, k) for c, k in pairs]
        self.contexts = [template_context(c, k) for c, k in pairs]
        self._groups: dict[tuple[str, ...], list[list[int]]] = {}
        self._values: dict[tuple[int, str], object] = {}
        self._conditions: dict[str, tuple[frozenset[int], tuple[int, Exception] | None]] = {}

    def _value(self, index: int, read: str) -> object:
        found = self._values.get((index, read))
        if found is None:
            name, _, field = read.rstrip("?").partition(".")
            value = self.contexts[index][name]
            if read.endswith("?") or value is None:
                found = (value is None,)
            else:
                found = (False, repr(value[field] if field else value))
            self._values[(index, read)] = found
        return found

    def groups(self, reads: tuple[str, ...]) -> list[list[int]]:
        """Context indices with the same values of `reads`, each group in order, groups in
        order of their first member."""
        if reads not in self._groups:
            by_value: dict[tuple, list[int]] = {}
            for index in range(len(self.contexts)):
                by_value.setdefault(tuple(self._value(index, r) for r in reads), []).append(index)
            self._groups[reads] = list(by_value.values())
        return self._groups[reads]

    def condition(self, expression: str) -> tuple[frozenset[int], tuple[int, Exception] | None]:
        """Where an `applies_when` holds, and its first failure (context index and error)."""
        if expression not in self._conditions:
            holds, failure = set(), None
            for group in self.groups(_reads(expression, True)):
                try:
                    if evaluate(expression, self.contexts[group[0]]):
                        holds.update(group)
                except _RENDER_ERRORS as err:
                    failure = failure or (group[0], err)  # groups come in context order
            self._conditions[expression] = (frozenset(holds), failure)
        return self._conditions[expression]

    def first_failure(self, source: str, where: frozenset[int] | None) -> tuple[int, Exception] | None:
        """The first context (of those in `where`, default all) in which `source` fails."""
        members = [[i for i in g if where is None or i in where] for g in self.groups(_reads(source, False))]
        for index in sorted(m[0] for m in members if m):
            try:
                render(source, self.contexts[index])
            except _RENDER_ERRORS as err:
                return index, err
        return None


def template_faults(library: Library) -> list[Fault]:
    """Every template fault in the library, at most one per point field.

    A template is rendered for every country and carrier (and no carrier) where its point
    applies, so `{{ carrier.name }}` is fine in a point whose condition requires a carrier;
    it renders once per distinct value of what it reads, and a template that several points
    share (with the same condition) is checked once."""
    faults = []
    contexts = _Contexts(library)
    static: dict[tuple[str, bool], list[str]] = {}
    outcome: dict[tuple[str, bool, frozenset[int] | None], tuple[int, Exception] | None] = {}

    def problems(source: str, expression: bool) -> list[str]:
        if (source, expression) not in static:
            static[source, expression] = check_template(source, expression=expression)
        return static[source, expression]

    for point in library.ordered_points():
        where = library.source_of(f"point:{point.id}")
        applies: frozenset[int] | None = None
        if point.applies_when is not None:
            applies = (frozenset() if problems(point.applies_when, True)
                       else contexts.condition(point.applies_when)[0])
        for name, source, expression in point_templates(point):
            if not expression and "{" not in source:
                continue  # plain text: nothing to parse or render
            if problems(source, expression):
                faults += [Fault(where, f"field '{name}'", reason) for reason in problems(source, expression)]
                continue
            key = (source, expression, None if expression else applies)
            if key not in outcome:
                outcome[key] = (contexts.condition(source)[1] if expression
                                else contexts.first_failure(source, applies))
            if outcome[key] is not None:
                index, err = outcome[key]
                faults.append(Fault(where, f"field '{name}'",
                                    f"fails for {contexts.labels[index]}: {describe_error(err)}"))
    return faults


def handout_faults(library: Library) -> list[Fault]:
    """Warnings for releasable points without handout wording: a handout never prints the
    spoken text, so such a point stays off it."""
    return [Fault(library.source_of(f"point:{p.id}"), "field 'handout_text'",
                  "releasable, but without handout wording it stays off every handout", True)
            for p in library.ordered_points() if p.releasable and not p.handout_text.strip()]


def stale_faults(library: Library, today: dt.date, max_age_days: int) -> list[Fault]:
    """Warnings for points and countries not reviewed within `max_age_days`."""
    items = [(f"point:{p.id}", p.reviewed) for p in library.ordered_points()]
    items += [(f"country:{code}", c.reviewed) for code, c in sorted(library.countries.items())]
    return [
        Fault(library.source_of(key), "field 'reviewed'",
              f"last reviewed {reviewed.isoformat()}, more than {max_age_days} days ago", True)
        for key, reviewed in items
        if is_stale(reviewed, today, max_age_days)
    ]


def check_library(
    library: Library, today: dt.date | None = None, max_age_days: int = DEFAULT_MAX_AGE_DAYS
) -> list[Fault]:
    """All faults and warnings: those found while loading plus template, staleness and
    provenance checks (core/provenance.py)."""
    today = today or dt.date.today()
    return (library.faults + template_faults(library) + handout_faults(library)
            + stale_faults(library, today, max_age_days) + provenance_faults(library, today, max_age_days))
