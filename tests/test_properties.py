"""Property-based checks: no officer-only text ever reaches a handout; any text prints without failing.

Examples are bounded so the whole suite stays quick; every example is a full export.
"""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.brief import (
    QA,
    Answer,
    Brief,
    Clearance,
    ControlledBy,
    Counterpart,
    CuiBlock,
    CustomPoint,
    Meeting,
    PointChoice,
)
from briefing_app.core.faults import InputError
from briefing_app.core.library import load_library
from briefing_app.core.produce import produce

from .conftest import MINI
from .pdf_reading import all_text, reader

BOUNDED = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
token = st.text(alphabet=string.ascii_uppercase, min_size=10, max_size=14).map(lambda s: "Q" + s)
tokens = st.lists(token, min_size=29, max_size=29, unique=True)


def library_with_secrets(folder: Path, background: str, question: str, answer: str):
    source = (MINI / "points/state-compulsion/compulsion-law.toml").read_text(encoding="utf-8")
    planted = (source.replace("BACKGROUND-COMPULSION", background)
               .replace("QUESTION-COMPULSION", question).replace("ANSWER-COMPULSION", answer))
    target = folder / "points/state-compulsion/compulsion-law.toml"
    target.parent.mkdir(parents=True)
    target.write_text(planted, encoding="utf-8")
    return load_library([MINI, folder])


def squeeze(text: str) -> str:
    return "".join(text.split())


@BOUNDED
@given(secrets=tokens)
def test_officer_only_strings_never_reach_the_handout(secrets):
    s = iter(secrets)
    with tempfile.TemporaryDirectory() as folder:
        library = library_with_secrets(Path(folder), next(s), next(s), next(s))
    brief = Brief(
        country="IT", carrier="tim", drafted_by=next(s), clearances=(Clearance(name=next(s)),), marking=next(s),
        cui=CuiBlock(controlled_by=ControlledBy(agency=next(s), office=next(s)), categories=(next(s),),
                     controls=(next(s),), poc=next(s)),
        meeting=Meeting(title=next(s), place=next(s), purpose=next(s), bluf=next(s), objectives=(next(s),),
                        participants=(next(s),), counterparts=(Counterpart(name=next(s), title=next(s)),)),
        points=(PointChoice(id="compulsion-law", background=next(s), note=next(s),
                            if_raised=(Answer(question=next(s), answer=next(s)),)),
                PointChoice(id="edge-huawei", text=next(s)),
                PointChoice(id="custom-internal"), PointChoice(id="custom-public")),
        custom_points=(
            CustomPoint(id="custom-internal", title=next(s), text=next(s), releasable=False),
            CustomPoint(id="custom-public", title="Public", text="Shared text.", background=next(s),
                        if_raised=(QA(question=next(s), answer=next(s)),), releasable=True),
        ),
    )
    pdf = produce(library, brief, "handout").data
    text = squeeze(all_text(pdf))
    metadata = " ".join(str(v) for v in (reader(pdf).metadata or {}).values())
    assert "Article7" in text and "Sharedtext." in text
    leaked = [t for t in secrets if t in text or t in metadata or t.encode() in pdf]
    assert leaked == []


latin_greek_cyrillic = st.text(
    alphabet=st.sampled_from(string.ascii_letters + "äéñøßÆŒ" + "αβγδεζηθλμξπσωΑΒΓΔΩάέή"
                             + "абвгдежзийклмнопрстуфхцчшщъыьэюяЁЖЩЯ" + string.digits + "  .,;:!?()-'\"<>&/"),
    min_size=1, max_size=200,
).filter(lambda t: t.strip())
anything = st.text(max_size=300)


@BOUNDED
@given(typed=latin_greek_cyrillic, title=latin_greek_cyrillic)
def test_latin_greek_and_cyrillic_extract_back_as_typed(typed, title):
    library = load_library([MINI])
    brief = Brief(country="IT", carrier="tim", meeting=Meeting(title=title),
                  points=(PointChoice(id="compulsion-law", text=typed),))
    text = squeeze(all_text(produce(library, brief, "officer").data))
    assert squeeze(typed) in text
    assert squeeze(title) in text


@BOUNDED
@given(values=st.lists(anything, min_size=8, max_size=8))
def test_any_unicode_in_every_printed_field_exports(values):
    library = load_library([MINI])
    v = iter(values)
    brief = Brief(
        country="IT", carrier="tim", drafted_by=next(v), clearances=(Clearance(name=next(v)),),
        meeting=Meeting(title=next(v), place=next(v), purpose=next(v), bluf=next(v),
                        counterparts=(Counterpart(name=next(v)),)),
        points=(PointChoice(id="compulsion-law", text=next(v)), PointChoice(id="custom-x")),
        custom_points=(CustomPoint(id="custom-x", title="Custom", text=values[0], background=values[1],
                                   releasable=True),),
    )
    assert produce(library, brief, "officer").data.startswith(b"%PDF")
    try:
        assert produce(library, brief, "handout").data.startswith(b"%PDF")
    except InputError as err:  # a name or marking typed where the handout prints it
        assert all(f.reason.startswith("handout refused: it contains ") for f in err.faults)
