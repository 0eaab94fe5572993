"""Every hostile template renders within bounds or is refused in words; none raises anything
but a TemplateError, none hangs, none exhausts memory.

Cases that could hang or eat memory on a regression run in a child process with a memory cap
and a time-out, so a broken sandbox fails these tests instead of stopping the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from jinja2 import TemplateError

from briefing_app.core.templating import check_template, describe_error, evaluate, render

from .conftest import ROOT
from .hostile.templates import ALL, CRASHES, DEPTH, ESCAPES, Hostile

CONTEXT = {
    "country": {"code": "IT", "name": "Italy", "in_text": "Italy", "at_start": "Italy", "us_forces": [],
                "hosts_us_forces": False, "policy": [{"date": "2020-01-01", "note": "A note."}],
                "carriers": [{"id": "tim", "name": "TIM"}]},
    "carrier": None,
}

_CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
from jinja2 import TemplateError
from briefing_app.core.templating import describe_error, evaluate, render
from tests.hostile.templates import ALL
from tests.test_sandbox_bounds import CONTEXT
results = {}
for case in ALL:
    try:
        value = (evaluate if case.expression else render)(case.template, CONTEXT)
        results[case.name] = "rendered: " + repr(value)[:200]
    except TemplateError as err:
        results[case.name] = "refused: " + describe_error(err)
    except BaseException as err:
        results[case.name] = f"crashed: {type(err).__name__}: {err}"[:300]
print(json.dumps(results))
"""


def outcome(case: Hostile) -> str:
    try:
        value = (evaluate if case.expression else render)(case.template, CONTEXT)
    except TemplateError as err:
        return "refused: " + describe_error(err)
    return "rendered: " + repr(value)[:200]


@pytest.fixture(scope="module")
def isolated() -> dict[str, str]:
    """Every hostile case's outcome, run in a child process capped at 1.5 GB and 5 minutes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
def test_each_hostile_template_is_refused_in_words(case, isolated):
    result = isolated[case.name]
    assert result.startswith("refused: "), result
    assert case.words in result


@pytest.mark.parametrize("case", CRASHES + DEPTH + ESCAPES, ids=lambda c: c.name)
def test_refused_in_process_too(case):
    result = outcome(case)
    assert result.startswith("refused: ") and case.words in result, result


@pytest.mark.parametrize("case", DEPTH + [c for c in ESCAPES if any(w in c.words for w in ("unknown", "characters",
                                                                                             "meeting"))],
                         ids=lambda c: c.name)
def test_the_static_check_finds_what_cannot_be_parsed_or_named(case):
    problems = check_template(case.template, expression=case.expression)
    assert any(case.words in p for p in problems), problems


@pytest.mark.parametrize("template, expected", [
    ("{% for p in country.policy %}{{ p.note }}{% if not loop.last %}; {% endif %}{% endfor %}", "A note."),
    ("{{ country.carriers|map(attribute='name')|join(', ') }}", "TIM"),
    ("{{ '%s has %d carrier' % (country.name, country.carriers|length) }}", "Italy has 1 carrier"),
    ("{{ '{:>6}'.format(country.code) }}|", "IT|"),
    ("{{ country.name|center(11) }}|", "Italy   |"),
    ("{{ (country.name ~ ' ') * 3 }}", "Italy Italy Italy"),
    ("{{ 2 ** 100 }}", str(2 ** 100)),
    ("{% for a in range(300) %}{% for b in range(300) %}{% endfor %}{% endfor %}done", "done"),
    ("{% set x = 'ab' %}" + "{% set x = x ~ x %}" * 12 + "{{ x|length }}", "8192"),
])
def test_ordinary_templates_still_render(template, expected):
    assert render(template, CONTEXT) == expected


def test_a_refusal_names_the_limit_in_words():
    with pytest.raises(TemplateError) as refused:
        render("{{ 'x'.center(3000000000) }}", CONTEXT)
    assert describe_error(refused.value) == ("not allowed in a library template: '.center(3000000000)' would "
                                             "make 3,000,000,000 characters; a library template may build "
                                             "at most 20,000")
