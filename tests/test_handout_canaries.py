"""Canaries: a unique string planted in every officer-only field of a brief, and the handout
exported in each format. None may appear anywhere in the file: not in a PDF's text, metadata
or bytes, not in any part of a Word package (body, headers, footers, properties, settings)."""

from __future__ import annotations

import io
import zipfile

import pytest

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
    Objective,
    PointChoice,
)
from briefing_app.core.faults import InputError
from briefing_app.core.outputs import FORMATS
from briefing_app.core.produce import produce
from tests.pdf_reading import all_text, reader
from tests.test_render_fixtures import LIBRARY_OFFICER_ONLY, mini

CANARIES = [f"Canary{n:02d}Zq{'xkvwj'[n % 5]}" for n in range(28)]
TAILORED = CANARIES[24:]  # this brief's background, question, answer and note of a releasable point


def canary_brief() -> Brief:
    c = iter(CANARIES)
    return Brief(
        country="IT", carrier="tim", drafted_by=next(c),
        clearances=(Clearance(office="ECON", name=next(c)),), marking=next(c),
        cui=CuiBlock(controlled_by=ControlledBy(agency=next(c), office=next(c)),
                     categories=(next(c),), poc=next(c)),
        meeting=Meeting(title=next(c), place=next(c), purpose=next(c), bluf=next(c),
                        objectives=(Objective(text=next(c)),), participants=(next(c),),
                        counterparts=(Counterpart(name=next(c), title=next(c), organisation=next(c),
                                                  pronunciation=next(c)),)),
        points=(PointChoice(id="compulsion-law", background=TAILORED[0], note=TAILORED[3],
                            if_raised=(Answer(question=TAILORED[1], answer=TAILORED[2]),)),
                PointChoice(id="edge-huawei", text=next(c)),
                PointChoice(id="custom-internal"), PointChoice(id="custom-public")),
        custom_points=(
            CustomPoint(id="custom-internal", title=next(c), text=next(c), releasable=False),
            CustomPoint(id="custom-public", title="Public", text="Shared text.",
                        background=next(c), if_raised=(QA(question=next(c), answer=next(c)),),
                        releasable=True)))


def planted() -> list[str]:
    return [*CANARIES, *LIBRARY_OFFICER_ONLY]


def file_texts(data: bytes, fmt: str) -> list[str]:
    """Everything a recipient's tools could read out of the file."""
    if fmt == "docx":
        package = zipfile.ZipFile(io.BytesIO(data))
        return [package.read(name).decode("utf-8", "replace") for name in package.namelist()]
    metadata = " ".join(str(v) for v in (reader(data).metadata or {}).values())
    return [all_text(data), metadata, data.decode("latin-1")]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_canary_reaches_any_part_of_a_handout(fmt, tmp_path):
    out = tmp_path / f"handout{FORMATS[fmt].suffix}"
    result = produce(mini(), canary_brief(), "handout", fmt, out)
    texts = file_texts(out.read_bytes(), fmt)
    assert "Shared text." in " ".join(texts[:1] if fmt == "pdf" else texts)
    packed = ["".join(t.split()).casefold() for t in texts]
    for canary in planted():
        needle = "".join(canary.split()).casefold()
        assert not [i for i, t in enumerate(packed) if needle in t], canary
    assert result.data == out.read_bytes()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_officer_brief_carries_every_canary_it_prints(fmt):
    """The control: the same brief's officer version does print them, so the test can fail."""
    data = produce(mini(), canary_brief(), "officer", fmt).data
    joined = "".join("".join(file_texts(data, fmt)).split())
    printed = [c for c in CANARIES if c in joined]
    names_and_meeting = CANARIES[:2] + CANARIES[7:22]  # the drafter to the custom answer
    assert set(names_and_meeting + TAILORED) <= set(printed)


DISGUISES = {  # our people's names as they may reach a releasable point's wording
    "surname first": "As Margaret Thornbury said, we agree.",
    "title and surname": "As Ms. Thornbury said, we agree.",
    "zero-width space": "As Margaret Thorn\u200bbury said, we agree.",
    "soft hyphen at a break": "As Margaret Thorn\u00ad\nbury said, we agree.",
    "fullwidth": "As Ｍａｒｇａｒｅｔ Ｔｈｏｒｎｂｕｒｙ said, we agree.",
    "Cyrillic lookalikes": "As M\u0430rg\u0430ret Th\u043ernbury said, we agree.",
    "braille blank for a space": "As Margaret\u2800Thornbury said, we agree.",
    "Korean name and particle": "김민수가 동의했습니다.",
    "portion mark with a zero-width space": "(U\u200b) We agree.",
}


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("disguise", list(DISGUISES))
def test_a_disguised_name_or_marking_in_a_releasable_point_is_refused_in_every_format(fmt, disguise, tmp_path):
    brief = canary_brief().model_copy(update={
        "drafted_by": "Thornbury, Margaret (ECON)",
        "custom_points": (*canary_brief().custom_points[:1],
                          CustomPoint(id="custom-public", title="Public", text=DISGUISES[disguise], releasable=True))})
    brief = brief.model_copy(update={"meeting": brief.meeting.model_copy(update={"participants": ("김민수 (POL)",)})})
    out = tmp_path / f"handout{FORMATS[fmt].suffix}"
    with pytest.raises(InputError) as err:
        produce(mini(), brief, "handout", fmt, out)
    assert all(str(f).startswith(f"{out}: handout refused: it contains ") for f in err.value.faults)
    assert "in the wording of point 4 (custom-public)" in str(err.value.faults[0])
    assert not out.exists()
