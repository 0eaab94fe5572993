"""The brief in Word for the clearance round, read back with python-docx as a clearer's Word
would open it: the banner on every page, the PDF's numbered points, Track Changes on, and
document properties that name nobody."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from briefing_app.core.document import Document, Furniture, Metadata, Table
from briefing_app.core.faults import InputError
from briefing_app.core.produce import produce
from briefing_app.render import docx as word_backend
from tests.pdf_reading import all_text
from tests.test_render_fixtures import OFFICER_ONLY, brief, custom, mini, produced, words

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def officer() -> bytes:
    long = tuple(custom(n, text=words(150)) for n in range(1, 6))  # a brief of several pages
    return produced("officer", "docx", customs=long).data


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def test_the_banner_is_in_the_header_and_footer_of_every_section(officer):
    word = opened(officer)
    assert word.sections
    for section in word.sections:
        assert [p.text for p in section.header.paragraphs] == ["SENSITIVE BUT UNCLASSIFIED"]
        footer = section.footer.paragraphs[0]
        assert footer.text.split("\t")[1] == "SENSITIVE BUT UNCLASSIFIED"
        assert b'w:instr=" PAGE "' in footer._p.xml.encode() and b"NUMPAGES" in footer._p.xml.encode()


def test_the_handout_has_no_banner_only_the_page_number():
    word = opened(produced("handout", "docx").data)
    for section in word.sections:
        assert "".join(p.text for p in section.header.paragraphs) == ""
        assert section.footer.paragraphs[0].text.strip() == "Page  of"  # the numbers are fields


def test_the_same_numbered_points_as_the_pdf():
    word = opened(produced("officer", "docx").data)
    pdf = flat(all_text(produced("officer").data))
    paragraphs = word.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Talking points")
    points = []
    for paragraph in paragraphs[start + 1:]:
        if paragraph.style.name != "Point":
            break
        points.append(paragraph.text)
    assert [p.split("\t")[0] for p in points] == ["1.", "2.", "3.", "4."]
    for point in points:
        assert flat(point.replace("\t", " ")) in pdf
    assert flat(points[0]).startswith("1. (U) Chinese law obliges") and "[" not in points[0]
    first = next(p for p in paragraphs[start + 1:] if p.style.name == "Point")
    assert first.runs[-1].text == "1" and first.runs[-1].font.superscript  # out of the spoken line


def test_track_changes_is_on_when_the_file_opens(officer):
    settings = part(officer, "word/settings.xml")
    assert b"<w:trackRevisions/>" in settings
    assert b"rsid" not in settings and b"docId" not in settings


def test_document_properties_are_a_title_and_language_only(officer):
    word = opened(officer)
    core = word.core_properties
    assert core.title == "Meeting with TIM on 5G suppliers: officer brief"
    assert core.language == "en"
    for name in ("author", "last_modified_by", "comments", "category", "keywords", "subject"):
        assert getattr(core, name) == "", name
    assert core.created is None and core.modified is None and core.revision == 0
    names = zipfile.ZipFile(io.BytesIO(officer)).namelist()
    assert not [n for n in names if "custom" in n.lower() or "thumbnail" in n]
    app = part(officer, "docProps/app.xml")
    assert b"Template" not in app and b"Company" not in app and b"Application" not in app


def test_word_styles_and_the_pdf_fonts_with_a_fallback(officer):
    word = opened(officer)
    used = {p.style.name for p in word.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Point", "Fact", "Source"} <= used
    assert all(t.style.name == "Table Grid" for t in word.tables)
    fonts = part(officer, "word/fontTable.xml")
    assert b'w:name="DejaVu Serif"><w:altName w:val="Georgia"/>' in fonts
    assert b'w:name="DejaVu Sans"><w:altName w:val="Verdana"/>' in fonts
    assert word.styles["Normal"].font.name == "DejaVu Serif"
    assert word.styles["Heading 1"].font.name == "DejaVu Sans"


def test_a_table_header_row_repeats_on_every_page():
    rows = tuple((f"row {n}", words(30)) for n in range(80))
    document = Document("officer", "a4", (Table(rows, header=("Name", "Detail")),),
                        Furniture("", "Page {page} of {pages}"), Metadata("t", "en"))
    table = opened(word_backend.render(document).data).tables[0]
    flags = [row._tr.find(f"{W}trPr/{W}tblHeader") is not None for row in table.rows]
    assert flags[0] and not any(flags[1:])
    assert [c.text for c in table.rows[0].cells] == ["Name", "Detail"]


def test_the_same_brief_gives_identical_bytes():
    assert produced("officer", "docx").data == produced("officer", "docx").data


def test_sources_and_the_signoff_close_the_word_brief(officer):
    texts = [p.text for p in opened(officer).paragraphs]
    assert "1.\t(U)\u00a0The Wall Street Journal, “Washington Asks Allies to Drop Huawei,” November 23, 2018" \
        in texts
    assert texts[-2:] == [f"Drafted: {OFFICER_ONLY['drafted_by']}",
                          f"Cleared: ECON: {OFFICER_ONLY['cleared_by']}, November 28, 2026"]


def test_a_word_handout_with_hidden_text_or_comments_is_refused(tmp_path, monkeypatch):
    """A backend gone wrong: the file carries what the document does not. Read back from
    disk before it replaces anything, it is refused and the earlier file survives."""
    real = word_backend.render

    def sloppy(document):
        data = real(document).data
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for name in source.namelist():
                raw = source.read(name)
                if name == "word/document.xml":
                    hidden = (f'<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>{OFFICER_ONLY["bluf"]}'
                              f'</w:t></w:r></w:p>').encode()
                    raw = raw.replace(b"<w:sectPr", hidden + b"<w:sectPr", 1)
                target.writestr(name, raw)
            target.writestr("word/comments.xml", f'<w:comments xmlns:w="{W[1:-1]}"/>')
        return type(real(document))(out.getvalue())

    monkeypatch.setattr(word_backend, "render", sloppy)
    out = tmp_path / "handout.docx"
    out.write_bytes(b"yesterday's handout")
    with pytest.raises(InputError) as err:
        produce(mini(), brief(), "handout", "docx", out)
    reasons = [f.reason for f in err.value.faults]
    assert "handout refused: it contains hidden text in word/document.xml" in reasons
    assert "handout refused: it contains comments (word/comments.xml)" in reasons
    assert "handout refused: it contains text from the BLUF" in reasons
    assert out.read_bytes() == b"yesterday's handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.docx"]


def test_the_command_line_takes_the_format_from_the_suffix(tmp_path, cli, mini_library):
    out = tmp_path / "brief.docx"
    result = cli("export", "--library", str(mini_library), "--country", "IT", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert re.search(r"Wrote officer \(\d+ points, Word, a4\)", result.stdout)
    styles = [p.style.name for p in opened(out.read_bytes()).paragraphs[:2]]
    assert styles == ["Title", "Subtitle"]  # no meeting details: no header block repeating the title


def test_a_format_that_contradicts_the_suffix_is_a_usage_error(tmp_path, cli, mini_library):
    out = tmp_path / "brief.pdf"
    result = cli("export", "--library", str(mini_library), "--country", "IT", "--format", "docx",
                 "-o", str(out))
    assert result.returncode == 2 and not out.exists()
    assert "--format docx does not match the output brief.pdf" in result.stderr


def test_word_carries_the_same_portion_marks_as_the_pdf():
    """Issue 15: the title, the meeting table, each paragraph, point, answer and source open
    with their mark in Word too; talking points and answers are kept on one page."""
    from briefing_app.core.brief import Objective
    from tests.test_render_fixtures import meeting

    changes = dict(post="US Embassy Rome", meeting=meeting(objectives=(Objective(text="Ask."),)))
    word = opened(produced("officer", "docx", **changes).data)
    pdf = flat(all_text(produced("officer", **changes).data))
    texts = [flat(p.text.replace("\t", " ")) for p in word.paragraphs if p.text.strip()]
    cells = [flat(c.text) for t in word.tables for row in t.rows for c in row.cells]
    assert "(U) Meeting with TIM on 5G suppliers" in texts
    assert "(U) Meeting details" in texts and "Date and time" in cells
    marked = [t for t in texts if re.match(r"^(\d+\. )?\((U|SBU)\) ", t)]
    assert len(marked) > 20
    for text in marked:
        assert text in pdf, text
    kept = [p for p in word.paragraphs if p.style.name == "Point"]
    assert kept and all(p.paragraph_format.keep_together for p in kept)


def test_the_word_banner_is_no_smaller_than_the_body(officer):
    word = opened(officer)
    body = word.styles["Normal"].font.size
    for section in word.sections:
        for paragraph in (section.header.paragraphs[0], section.footer.paragraphs[0]):
            banner = next(r for r in paragraph.runs if r.text == "SENSITIVE BUT UNCLASSIFIED")
            assert banner.bold and banner.font.size >= body


def test_word_states_the_purpose_before_the_asks_in_body_type():
    """As in the PDF: Purpose, then Asks, the purpose in the body's style, not the note's."""
    from briefing_app.core.brief import Objective
    from tests.test_render_fixtures import meeting

    made = produced("officer", "docx", meeting=meeting(objectives=(Objective(text="Ask."),)))
    paragraphs = [(p.style.name, flat(p.text.replace("\t", " "))) for p in opened(made.data).paragraphs]
    texts = [text for _, text in paragraphs]
    assert texts.index("Purpose") < texts.index("Asks")
    assert texts[texts.index("Purpose") + 1] == f"(U) {OFFICER_ONLY['purpose']}"
    style = dict((text, name) for name, text in paragraphs)
    assert style[f"(U) {OFFICER_ONLY['purpose']}"] == style[
        "(U) BACKGROUND-COMPULSION: the law entered into force on 28 June 2017."] == "Normal"
