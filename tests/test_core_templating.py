"""Library templates run sandboxed; unknown names and fields are errors, caught before rendering."""

import pytest
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError

from briefing_app.core.templating import check_template, evaluate, render


def ctx(**country):
    base = {"code": "IT", "name": "Italy", "us_forces": [], "hosts_us_forces": False,
            "policy": [], "carriers": []}
    return {"country": {**base, **country}, "carrier": None}


def test_renders_country_fields_and_conditions():
    text = "{{ country.name }}{% if carrier %} and {{ carrier.name }}{% endif %}."
    assert render(text, ctx()) == "Italy."


def test_unknown_field_is_an_error_at_render_time():
    with pytest.raises(TemplateError, match="nmae"):
        render("{{ country.nmae }}", ctx())


def test_static_check_finds_unknown_fields_in_branches_never_taken():
    problems = check_template("{% if false %}{{ carrier.vendor_list }}{% endif %}{{ contry.name }}")
    assert any("carrier.vendor_list" in p for p in problems)
    assert any("'contry'" in p for p in problems)


def test_static_check_allows_loop_variables():
    assert check_template("{% for base in country.us_forces %}{{ base.name }}{% endfor %}") == []


def test_syntax_errors_name_the_line():
    (problem,) = check_template("line one\n{% if country.name %}never closed")
    assert "syntax error (line 2)" in problem


def test_expressions_are_checked_and_evaluated():
    assert check_template("country.hosts_us_forces and carrier", expression=True) == []
    assert check_template("country.hosts_forces", expression=True)
    assert evaluate("country.hosts_us_forces", ctx(hosts_us_forces=True)) is True
    assert evaluate("carrier and 'Huawei' in carrier.vendor_names", ctx()) is False


@pytest.mark.parametrize("attack", [
    "{{ country.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ country.name.format.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ config }}",
])
def test_sandbox_refuses_python_internals(attack):
    with pytest.raises((SecurityError, TemplateError)):
        render(attack, ctx())


def test_sandbox_refuses_mutation_of_the_context():
    with pytest.raises(SecurityError):
        render("{{ country.us_forces.append(1) }}", ctx())


def test_runaway_loops_and_output_are_bounded():
    with pytest.raises(SecurityError, match="range"):
        render("{% for i in range(10**9) %}x{% endfor %}", ctx())
    with pytest.raises(SecurityError, match="longer"):
        render("{% for i in range(1000) %}{{ 'x' * 100 }}{% endfor %}", ctx())


@pytest.mark.parametrize("bomb", ["{{ 'x' * 10**9 }}", "{{ 10**9 * 'x' }}", "{{ 7 ** 100000000 }}",
                                  "{{ [1] * 10**9 }}"])
def test_memory_bombs_are_refused_before_they_run(bomb):
    with pytest.raises(SecurityError):
        render(bomb, ctx())


@pytest.mark.parametrize("runaway, words", [
    ("{% for a in range(999) %}{% for b in range(999) %}{% for c in range(999) %}{% endfor %}"
     "{% endfor %}{% endfor %}", "nested at most 2 deep"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macros are not allowed"),
    ("{% for x in [1, 2] recursive %}{{ loop([1, 2]) }}{% endfor %}", "recursive loops"),
    ("{% include '/etc/passwd' %}", "'include' is not allowed"),
])
def test_templates_that_could_run_without_end_are_refused(runaway, words):
    assert any(words in p for p in check_template(runaway))
    with pytest.raises(SecurityError, match=words):
        render(runaway, ctx())


def test_repeated_lists_are_bounded_at_run_time():
    with pytest.raises(SecurityError, match="limited to 1000 items"):
        render("{% for a in [1] * 10**6 %}{% endfor %}", ctx())
