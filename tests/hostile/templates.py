"""Hostile library templates, by class: each must render within bounds or be refused in words.

Every case is (name, template, words the refusal must hold). The classes follow what attacks
on the command line found (exceptions reaching the user, templates that hang, templates that
exhaust memory, escapes from the sandbox), widened to the other members of each class.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Hostile:
    name: str
    template: str
    words: str
    expression: bool = False  # an applies_when condition rather than a text template


def _many(count: int, piece: str) -> str:
    return piece * count


# Python exceptions that once reached the user as a traceback.
CRASHES = [
    Hostile("integer division by zero", "{{ 1 // 0 }}", "division by zero"),
    Hostile("division by zero", "{{ 1 / 0 }}", "division by zero"),
    Hostile("remainder by zero", "{{ 7 % 0 }}", "division by zero"),
    Hostile("slice into no parts", "{{ [1, 2]|slice(0)|list }}", "division by zero"),
    Hostile("divisible by zero", "{{ [1, 2]|select('divisibleby', 0)|list }}", "division by zero"),
    Hostile("misspelt key in a % format", "{{ '%(nmae)s' % country }}", "no key 'nmae'"),
    Hostile("too few % arguments", "{{ '%s and %s' % 'one' }}", "not enough arguments"),
    Hostile("% number from text", "{{ '%d' % country.name }}", "number is required"),
    Hostile("missing format index", "{{ '{1}'.format('a') }}", "out of range"),
    Hostile("text encoding that is not one", "{{ 'x'.encode('rot13') }}", "'.encode()' is not allowed"),
    Hostile("float overflow", "{{ 10.0 ** 400 }}", "too large"),
    Hostile("padding past any size", "{{ 'x'.ljust(10**20) }}", "at most 20,000"),
    Hostile("index past any size", "{{ 'abc'[10**30] }}", "no element"),
    Hostile("empty separator", "{{ 'a b'.split('') }}", "empty separator"),
    Hostile("range with step zero", "{{ range(1, 5, 0)|list }}", "must not be zero"),
    Hostile("adding text to a number", "{{ country.name + 1 }}", "can only concatenate"),
    Hostile("sorting mixed types", "{{ [1, 'a']|sort }}", "not supported"),
    Hostile("summing text", "{{ ['a', 'b']|sum }}", "unsupported operand"),
    Hostile("calling text", "{{ country.name() }}", "not callable"),
    Hostile("rounding a bad way", "{{ 1.5|round(0, 'sideways') }}", "method"),
    Hostile("index of what is not there", "{{ 'abc'.index('z') }}", "not found"),
    Hostile("condition dividing by zero", "1 // 0", "division by zero", expression=True),
    Hostile("condition with a bad key", "'%(nmae)s' % country", "no key 'nmae'", expression=True),
]

# Templates too deep for the parser or compiler, which recurse once per level.
DEPTH = [
    Hostile("3,000 nested parentheses", "{{ " + _many(3000, "(") + "1" + _many(3000, ")") + " }}", "nested"),
    Hostile("3,000 nested lists", "{{ " + _many(3000, "[") + _many(3000, "]") + " }}", "nested"),
    Hostile("3,000 nested dicts", "{{ " + _many(1500, "{'a': ") + "1" + _many(1500, "}") + " }}", "nested"),
    Hostile("5,000 nots", "{{ " + _many(5000, "not ") + "1 }}", "nested"),
    Hostile("5,000 minus signs", "{{ " + _many(5000, "-") + "1 }}", "nested"),
    Hostile("5,000 additions", "{{ 1" + _many(5000, " + 1") + " }}", "nested"),
    Hostile("3,000 filters in a chain", "{{ 1" + _many(3000, "|string") + " }}", "nested"),
    Hostile("3,000 attributes in a chain", "{{ country" + _many(3000, ".name") + " }}", "nested"),
    Hostile("200 nested ifs", _many(200, "{% if 1 %}") + "x" + _many(200, "{% endif %}"), "nested"),
    Hostile("a 5,000-digit number", "{{ " + "9" * 5000 + " }}", "digits"),
    Hostile("a 400-digit number", "{{ " + "9" * 400 + " }}", "digits"),
    Hostile("condition nested 3,000 deep", _many(3000, "(") + "1" + _many(3000, ")"), "nested", True),
    Hostile("condition of 5,000 ands", "1" + _many(5000, " and 1"), "nested", True),
]

# Templates that ran for minutes: loops, filters iterating inside loops, recursion.
TIME = [
    Hostile("chained powers", "{{ ((10**100)**100)**100 }}", "300 digits"),
    Hostile("powers of powers", "{{ 9**99**99 }}", "exponents above 100"),
    Hostile("products of powers", "{{ 10**100 * 10**100 * 10**100 * 10**100 }}", "300 digits"),
    Hostile("empty loops nested", "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
            "steps"),
    Hostile("a filter iterating inside two loops",
            "{% for a in range(1000) %}{% for b in range(1000) %}{{ range(1000)|sum }}{% endfor %}{% endfor %}",
            "steps"),
    Hostile("sorting inside two loops",
            "{% for a in range(1000) %}{% for b in range(100) %}{% set s = range(1000)|sort %}{% endfor %}"
            "{% endfor %}", "steps"),
    Hostile("filters feeding filters in a loop",
            "{% for a in range(1000) %}{{ range(1000)|map('string')|map('upper')|list|length }}{% endfor %}",
            "steps"),
    Hostile("loop over a long text inside a loop",
            "{% for a in range(1000) %}{% for c in 'x' * 1000 %}{% endfor %}{% endfor %}", "steps"),
    Hostile("loop.length on a generator inside loops",
            "{% for a in range(1000) %}{% for b in range(1000)|map('string') %}{% if loop.length %}{% endif %}"
            "{% endfor %}{% endfor %}", "steps"),
    Hostile("a block calling itself inside loops",
            "{% block b %}{% for i in range(9) %}{% for j in range(9) %}{{ self.b() }}{% endfor %}{% endfor %}"
            "{% endblock %}", "blocks are not allowed"),
    Hostile("a macro calling itself", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macros are not allowed"),
    Hostile("a recursive loop", "{% for x in [1, 2] recursive %}{{ loop([1, 2]) }}{% endfor %}", "recursive loops"),
    Hostile("a call block", "{% call range(3) %}x{% endcall %}", "call blocks"),
    Hostile("loops three deep", "{% for a in range(99) %}{% for b in range(99) %}{% for c in range(99) %}"
            "{% endfor %}{% endfor %}{% endfor %}", "nested at most 2 deep"),
    Hostile("a range of a billion", "{% for i in range(10**9) %}{% endfor %}", "range() is limited"),
    Hostile("condition looping a million times",
            "range(1000)|map('string')|map('upper')|list|length > 0 and "
            "range(1000)|batch(1)|map('sum')|list|length > 0 and " * 30 + "true", "steps", True),
]

# Templates that exhausted memory before any limit was checked.
MEMORY = [
    Hostile("zero-padded a billion wide", "{{ '%0999999999d' % 1 }}", "at most 20,000"),
    Hostile("left-aligned a billion wide", "{{ '%-999999999s' % 'x' }}", "at most 20,000"),
    Hostile("a billion decimals", "{{ '%.999999999f' % 1.5 }}", "at most 20,000"),
    Hostile("a width from the arguments", "{{ '%*d' % (999999999, 1) }}", "widths are not allowed"),
    Hostile("the format filter a billion wide", "{{ '%0999999999d'|format(1) }}", "at most 20,000"),
    Hostile("centred three billion wide", "{{ 'x'.center(3000000000) }}", "at most 20,000"),
    Hostile("right-justified", "{{ 'x'.rjust(999999999) }}", "at most 20,000"),
    Hostile("zero-filled", "{{ '1'.zfill(999999999) }}", "at most 20,000"),
    Hostile("the center filter", "{{ 'x'|center(3000000000) }}", "at most 20,000"),
    Hostile("center through map", "{{ range(3)|map('center', 999999999)|list }}", "at most 20,000"),
    Hostile("indented a hundred million", "{{ 'a\nb'|indent(100000000) }}", "at most 20,000"),
    Hostile("indented by long text", "{{ ('a\n' * 500)|indent('x' * 1000) }}", "at most 20,000"),
    Hostile("a format field a billion wide", "{{ '{:>999999999}'.format(1) }}", "at most 20,000"),
    Hostile("a billion format decimals", "{{ '{:.999999999f}'.format(1.0) }}", "at most 20,000"),
    Hostile("a width passed as a field", "{{ '{:>{w}}'.format(1, w=999999999) }}", "at most 20,000"),
    Hostile("format_map a billion wide", "{{ '{name:>999999999}'.format_map(country) }}", "at most 20,000"),
    Hostile("format reached through attr", "{{ ('{:>999999999}'|attr('format'))(1) }}", "at most 20,000"),
    Hostile("text repeated a billion times", "{{ 'x' * 10**9 }}", "limited to 1000 items"),
    Hostile("a list repeated", "{{ [1] * 10**9 }}", "limited to 1000 items"),
    Hostile("a tuple repeated", "{{ (1, 2) * 10**9 }}", "limited to 1000 items"),
    Hostile("text doubled 24 times with ~", "{% set x = 'ab' %}" + _many(24, "{% set x = x ~ x %}") + "{{ x|length }}",
            "at most 20,000"),
    Hostile("text doubled 24 times with +", "{% set x = 'ab' %}" + _many(24, "{% set x = x + x %}") + "{{ x|length }}",
            "at most 20,000"),
    Hostile("a list doubled 24 times", "{% set x = [1, 2] %}" + _many(24, "{% set x = x + x %}") + "{{ x|length }}",
            "at most 20,000"),
    Hostile("a replacement that multiplies", "{{ ('x' * 1000).replace('x', 'y' * 1000) }}", "at most 20,000"),
    Hostile("the replace filter", "{{ ('x' * 1000)|replace('x', 'y' * 1000) }}", "at most 20,000"),
    Hostile("replacing the empty string", "{{ ('x' * 1000).replace('', 'y' * 1000) }}", "at most 20,000"),
    Hostile("a join that multiplies", "{{ ('y' * 1000).join('x' * 1000) }}", "at most 20,000"),
    Hostile("the join filter", "{{ range(1000)|join('y' * 1000) }}", "at most 20,000"),
    Hostile("batches padded a billion long", "{{ [1]|batch(10**9, 'x')|list }}", "at most 20,000"),
    Hostile("slices a billion", "{{ range(10)|slice(10**9)|list }}", "at most 20,000"),
    Hostile("bytes a billion long", "{{ (1).to_bytes(10**9, 'big') }}", "not allowed"),
    Hostile("bytes formatted a billion wide", "{{ '%0999999999d'.encode() % 1 }}", "not allowed"),
    Hostile("a width of 999 digits", "{{ '{:>' ~ '9' * 999 ~ '}' }}{{ ('{:>' ~ '9' * 999 ~ '}').format(1) }}",
            "at most 20,000"),
    Hostile("tabs expanded", "{{ 'x\t'.expandtabs(10**9) }}", "not allowed"),
    Hostile("characters translated", "{{ 'xxxx'.translate({120: 'y' * 1000}) }}", "not allowed"),
    Hostile("text written inside loops", "{% for i in range(1000) %}" + "z" * 1000 + "{% endfor %}",
            "longer than 20000"),
    Hostile("a value written inside loops",
            "{% for a in range(1000) %}{% for b in range(1000) %}{{ country.name }}{% endfor %}{% endfor %}",
            "longer than 20000"),
    Hostile("a block captured inside loops",
            "{% set s %}{% for i in range(1000) %}{% for j in range(1000) %}abc{% endfor %}{% endfor %}"
            "{% endset %}{{ s|length }}", "longer than 20000"),
    Hostile("a filter block over loops",
            "{% filter upper %}{% for i in range(1000) %}{% for j in range(100) %}abc{% endfor %}{% endfor %}"
            "{% endfilter %}", "longer than 20000"),
    Hostile("lists summed", "{{ range(1000)|batch(1)|sum(start=[]) }}", "adds numbers only"),
    Hostile("a list printed whole", "{{ range(1000)|map('center', 19000)|list|string }}", "at most 20,000"),
]

# Reaching past the data a template is given.
ESCAPES = [
    Hostile("Python internals", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
    Hostile("the template itself", "{{ self }}", "unknown name 'self'"),
    Hostile("Jinja's helpers", "{{ lipsum.__globals__ }}", "unknown name 'lipsum'"),
    Hostile("a namespace", "{% set ns = namespace(a=1) %}{{ ns.a }}", "unknown name 'namespace'"),
    Hostile("the meeting's purpose", "{{ meeting.purpose }}", "do not see the meeting"),
    Hostile("the whole meeting", "{{ meeting }}", "do not see the meeting"),
    Hostile("the meeting walked through", "{% for k, v in meeting.items() %}{{ v }}{% endfor %}",
            "do not see the meeting"),
    Hostile("the meeting through a filter", "{{ meeting|attr('place') }}", "do not see the meeting"),
    Hostile("a condition on the meeting", "meeting.audience == 'government'", "do not see the meeting", True),
    Hostile("a function printed with its address", "{{ country.name.upper }}", "prints the function"),
    Hostile("an undefined value defaulted", "{{ country.policy[7]|default('none') }}{{ country.policy[7].x }}",
            "no element 7"),
    Hostile("a generator printed with its address", "{{ country.carriers|map(attribute='id') }}",
            "unfinished sequence"),
    Hostile("a filter that prints markup", "{{ country.name|urlize }}", "unknown filter 'urlize'"),
    Hostile("a filter that differs on every run", "{{ country.carriers|random }}", "unknown filter 'random'"),
    Hostile("a template too long to read", "x" * 60_000 + "{{ country.name }}", "at most 50,000 characters"),
]

ALL = CRASHES + DEPTH + TIME + MEMORY + ESCAPES

FIELDS = ("text", "background", "title", "reason", "handout_text", "if_raised #1.question", "if_raised #1.answer")


def point_toml(point_id: str, field: str, template: str) -> str:
    """A valid point file in the test library's 'subsidy' topic with `template` in `field`
    (a condition goes in applies_when); every other field is plain text."""
    values = {"title": "A title", "text": "A text.", "background": "", "reason": None,
              "handout_text": "A handout text.", "applies_when": None, "if_raised #1.question": None,
              "if_raised #1.answer": None}
    values[field] = template
    lines = [f'id = "{point_id}"', 'topic = "subsidy"', 'audience = ["government", "carrier"]',
             "releasable = true", "reviewed = 2026-01-01"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()
              if value is not None and "#" not in key]
    lines += ["[[sources]]", 'title = "A source"', 'publisher = "A publisher"', "date = 2026-01-01",
              "checked = 2026-01-01"]
    if "#" in field:
        question, answer = values["if_raised #1.question"] or "Q?", values["if_raised #1.answer"] or "A."
        lines += ["[[if_raised]]", f"question = {json.dumps(question)}", f"answer = {json.dumps(answer)}"]
    return "\n".join(lines) + "\n"


def placed(cases: list[Hostile]) -> list[tuple[str, str, Hostile]]:
    """(point id, field, case): text templates spread over every template field in turn."""
    spread = []
    for index, case in enumerate(cases):
        field = "applies_when" if case.expression else FIELDS[index % len(FIELDS)]
        spread.append((f"hostile-{index:03d}", field, case))
    return spread
