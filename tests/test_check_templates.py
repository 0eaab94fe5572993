"""`library check` renders each template once per distinct value of what it reads, and finds
exactly what rendering every template for every country and carrier finds."""

from __future__ import annotations

import pytest
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError

from briefing_app.core import check
from briefing_app.core.check import point_templates, template_faults
from briefing_app.core.faults import Fault
from briefing_app.core.library import load_library
from briefing_app.core.template_context import template_context
from briefing_app.core.templating import check_template, describe_error, evaluate, render

TRICKY = {  # id: (applies_when or None, text); Italy (TIM with Huawei, WindTre without vendors), NZ
    "tricky-first-vendor": ("carrier", "{{ carrier.vendors[0].vendor }} kit"),
    "tricky-whole-carrier": (None, "{% set c = carrier %}{{ c.name }} network"),
    "tricky-branch": (None, "{% if carrier %}{{ carrier.name }}{% else %}{{ country.us_forces[3].name }}{% endif %}"),
    "tricky-condition": ("country.us_forces[0].name == 'Aviano Air Base'", "{{ carrier.name }} only"),
    "tricky-shared-a": ("carrier", "{{ carrier.in_text }} shared"),
    "tricky-shared-b": (None, "{{ carrier.in_text }} shared"),
    "tricky-country": (None, "{{ country.name }} and {{ country.hosts_us_forces }}"),
    "tricky-none-test": (None, "{{ 'x' if carrier is none else carrier.notes }}"),
}


def write_point(folder, point_id, applies_when, text):
    condition = f"applies_when = {applies_when!r}\n" if applies_when else ""
    (folder / "points" / "edge-core" / f"{point_id}.toml").write_text(
        f'id = "{point_id}"\ntitle = "Tricky {point_id}"\ntopic = "edge-core"\naudience = ["carrier"]\n'
        f"{condition}releasable = false\nreviewed = 2026-11-20\ntext = {text!r}\n"
        'background = "plain"\n\n[[sources]]\ntitle = "T"\npublisher = "P"\ndate = 2019-01-01\n'
        "checked = 2026-11-20\n", encoding="utf-8")


def every_combination(library) -> list[Fault]:
    """The check as it was: every template rendered for every country and carrier where its
    point applies, stopping at the first failure."""
    errors = (TemplateError, SecurityError, TypeError, ValueError)
    pairs = [(c, k) for c in library.countries.values() for k in (None, *c.carriers)]
    contexts = [(c, k, template_context(c, k)) for c, k in pairs]
    faults = []
    for point in library.ordered_points():
        where = library.source_of(f"point:{point.id}")
        applies = []
        for _, _, context in contexts:
            try:
                applies.append(point.applies_when is None or evaluate(point.applies_when, context))
            except errors:
                applies.append(False)
        for name, source, expression in point_templates(point):
            static = check_template(source, expression=expression)
            if static:
                faults += [Fault(where, f"field '{name}'", r) for r in static]
                continue
            for (country, carrier, context), fits in zip(contexts, applies, strict=True):
                if not (expression or fits):
                    continue
                try:
                    evaluate(source, context) if expression else render(source, context)
                except errors as err:
                    label = country.name + (f" / {carrier.name}" if carrier else ", no carrier")
                    faults.append(Fault(where, f"field '{name}'", f"fails for {label}: {describe_error(err)}"))
                    break
    return faults


@pytest.fixture
def tricky_library(library_copy):
    for point_id, (applies_when, text) in TRICKY.items():
        write_point(library_copy, point_id, applies_when, text)
    library = load_library([library_copy])
    assert not library.errors, library.errors
    return library


def test_the_check_finds_what_every_combination_finds(tricky_library):
    found = template_faults(tricky_library)
    assert found == every_combination(tricky_library)
    by_point = {f.file.rsplit("/", 1)[-1].removesuffix(".toml"): f.reason for f in found}
    assert by_point["tricky-first-vendor"].startswith("fails for Italy / WindTre:")
    assert by_point["tricky-whole-carrier"].startswith("fails for Italy, no carrier:")
    assert by_point["tricky-branch"].startswith("fails for Italy, no carrier:")
    assert by_point["tricky-shared-b"].startswith("fails for Italy, no carrier:")
    assert "tricky-shared-a" not in by_point and "tricky-country" not in by_point
    assert "tricky-none-test" not in by_point
    condition = [f for f in found if f.file.endswith("tricky-condition.toml")]
    assert [f.place for f in condition] == ["field 'text'", "field 'applies_when'"]
    assert condition[1].reason.startswith("fails for New Zealand, no carrier:")


def test_a_template_renders_once_per_distinct_value_it_reads(tricky_library, monkeypatch):
    rendered = []
    monkeypatch.setattr(check, "render", lambda source, context: rendered.append(source) or render(source, context))
    template_faults(tricky_library)
    countries = len(tricky_library.countries)
    carriers = sum(len(c.carriers) for c in tricky_library.countries.values())
    assert rendered.count(TRICKY["tricky-country"][1]) == countries  # not once per carrier as well
    # once per carrier for the point that needs one; its twin without a condition stops at the
    # first country without a carrier
    assert rendered.count(TRICKY["tricky-shared-a"][1]) == carriers + 1
    notes = {repr(k.notes) for c in tricky_library.countries.values() for k in c.carriers}
    assert rendered.count(TRICKY["tricky-none-test"][1]) == 1 + len(notes)  # no carrier: one group


def test_many_points_and_carriers_do_not_multiply(library_copy, monkeypatch):
    """A hundred points reading only the country, over two countries: two renders each."""
    for n in range(100):
        write_point(library_copy, f"many-{n}", None, f"{{{{ country.in_text }}}} point {n}")
    library = load_library([library_copy])
    calls = []
    monkeypatch.setattr(check, "render", lambda source, context: calls.append(1) or render(source, context))
    assert template_faults(library) == every_combination(library)
    assert len(calls) <= 2 * 100 + 50  # 2 countries each; the mini library's own points besides
