"""Hostile inputs, as colleagues and crashes produce them: each with the words its message must hold.

Library cases are written into a copy of the small test library; brief cases are whole files.
Content is generated here rather than committed, so a 5 MB file costs nothing in the repository.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import conftest

POINT = (conftest.MINI / "points/subsidy/subsidy-financing.toml").read_text(encoding="utf-8")
COUNTRY = (conftest.MINI / "countries/nz.toml").read_text(encoding="utf-8")
SUBSIDY = "points/subsidy/subsidy-financing.toml"


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    content: bytes | None
    words: tuple[str, ...]
    exit_code: int = 1

    def place(self, root: Path) -> Path:
        """Write this case's file (or folder) under `root`; returns its path."""
        target = root / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.content is None:
            target.mkdir()
        else:
            target.write_bytes(self.content)
        return target


def _point(old: str, new: str) -> bytes:
    assert old in POINT, old
    return POINT.replace(old, new).encode()


def _template(field_line: str) -> bytes:
    return _point('text = "Washington is ready to discuss financing for equipment from trusted vendors."',
                  field_line)


LIBRARY_CASES = [
    Case("invalid TOML", SUBSIDY, b'id = "subsidy-financing"\ntitle = = "x"\n', ("line 2", "TOML syntax error")),
    Case("binary junk", SUBSIDY, bytes(range(256)) * 4, ("is not UTF-8 text",)),
    Case("empty file", SUBSIDY, b"", ("is empty",)),
    Case("only blanks", SUBSIDY, b"\n  \n", ("is empty",)),
    Case("byte-order mark", SUBSIDY, b"\xef\xbb\xbf" + POINT.encode(), (), exit_code=0),
    Case("Windows line endings", SUBSIDY, POINT.replace("\n", "\r\n").encode(), (), exit_code=0),
    Case("bool as a string", SUBSIDY, _point("releasable = true", 'releasable = "yes"'),
         ("field 'releasable'", "true or false")),
    Case("bool as a number", SUBSIDY, _point("releasable = true", "releasable = 1"),
         ("field 'releasable'", "true or false")),
    Case("date as a string", SUBSIDY, _point("reviewed = 2020-01-01", 'reviewed = "2020-01-01"'),
         ("field 'reviewed'", "must be a date")),
    Case("impossible date", SUBSIDY, _point("reviewed = 2020-01-01", "reviewed = 2020-02-30"),
         ("TOML syntax error",)),
    Case("list as a string", SUBSIDY, _point('audience = ["government", "carrier"]', 'audience = "carrier"'),
         ("field 'audience'", "must be a list")),
    Case("unknown audience", SUBSIDY, _point('audience = ["government", "carrier"]', 'audience = ["press"]'),
         ("field 'audience #1'", "not one of the allowed values")),
    Case("missing field", SUBSIDY, _point('title = "Financing for trusted vendors"\n', ""),
         ("field 'title'", "is missing")),
    Case("no sources", SUBSIDY, POINT.split("[[sources]]")[0].encode(), ("field 'sources'", "is missing")),
    Case("typo in a key", SUBSIDY, _point("releasable = true", "releasable = true\nreleaseable = true"),
         ("field 'releaseable'", "not a known key")),
    Case("unknown marking", SUBSIDY, _point("releasable = true", 'releasable = true\nmarking = "TOP SECRET"'),
         ("field 'marking'", "must be one of U, SBU, CUI")),
    Case("unknown topic", "points/lunch/subsidy-other.toml",
         _point('id = "subsidy-financing"', 'id = "subsidy-other"').replace(b'"subsidy"', b'"lunch"'),
         ("field 'topic'", "unknown topic 'lunch'")),
    Case("topic differs from folder", "points/edge-core/subsidy-other.toml",
         _point('id = "subsidy-financing"', 'id = "subsidy-other"'), ("must equal the folder name 'edge-core'",)),
    Case("duplicate id", "points/edge-core/subsidy-financing.toml",
         _point('topic = "subsidy"', 'topic = "edge-core"'), ("ids must be unique",)),
    Case("id differs from file name", "points/subsidy/subsidy-renamed.toml", POINT.encode(),
         ("field 'id'", "must equal the file name 'subsidy-renamed'")),
    Case("folder named like a file", "points/subsidy/folder.toml/", None, ("is a folder, expected a TOML file",)),
    Case("5 MB file", SUBSIDY, b"# " + b"x" * 5_000_000 + b"\n", ("a library file may be at most",)),
    Case("TOML nested 402 deep", SUBSIDY, _point("releasable = true", "releasable = true\nnest = " + "[" * 402
                                                  + "]" * 402), ("TOML nested too deeply",)),
    Case("TOML tables nested 402 deep", SUBSIDY,
         _point("releasable = true", "releasable = true\nnest = " + "{a = " * 402 + "1" + "}" * 402),
         ("TOML nested too deeply",)),
    Case("a 5,000-digit number in TOML", SUBSIDY,
         _point("releasable = true", "releasable = true\norder = " + "9" * 5000),
         ("a number too long to read",)),
    Case("a number beyond 64 bits in TOML", SUBSIDY,
         _point("releasable = true", "releasable = true\norder = " + "9" * 30),
         ("key 'order'", "beyond the 64-bit range")),
    Case("point outside a topic folder", "points/stray.toml", POINT.encode(), ("must sit in its topic's folder",)),
    Case("country code differs from file", "countries/au.toml", COUNTRY.encode(), ("must match the file name 'au'",)),
    Case("country without carriers", "countries/nz.toml",
         COUNTRY.split("[[carriers]]")[0].encode() + b'[[sources]]\ntitle = "T"\npublisher = "P"\ndate = 2019-01-01\n',
         ("field 'carriers'", "is missing")),
    Case("carrier id used twice", "countries/nz.toml", COUNTRY.replace('"spark"', '"tim"').encode(),
         ("carrier id is also used by Italy",)),
    Case("vendor without a source", "countries/nz.toml",
         COUNTRY.replace('name = "Spark"',
                         'name = "Spark"\n[[carriers.vendors]]\nvendor = "Huawei"\nrole = "radio"').encode(),
         ("field 'carriers #1.vendors #1.source'", "is missing")),
    Case("bad source address", SUBSIDY, _point('date = 2018-11-23', 'date = 2018-11-23\nurl = "javascript:alert(1)"'),
         ("must be an http:// or https:// address",)),
    Case("topics not a list", "topics.toml", b'topic = "edge-core"\n', ("must be a list of [[topic]] tables",)),
    Case("topic listed twice", "topics.toml",
         b'[[topic]]\nid = "edge-core"\ntitle = "Edge"\n[[topic]]\nid = "edge-core"\ntitle = "Again"\n',
         ("field 'topic #2.id'", "'edge-core' appears twice")),
    Case("template syntax error", SUBSIDY, _template('text = "{% if country %}never closed"'),
         ("field 'text'", "template syntax error")),
    Case("template unknown name", SUBSIDY, _template('text = "{{ secret_plan }}"'), ("unknown name 'secret_plan'",)),
    Case("template unknown field", SUBSIDY, _template('text = "{{ carrier.contract_value }}"'),
         ("unknown field 'carrier.contract_value'",)),
    Case("template reaches internals", SUBSIDY, _template("text = \"{{ ''.__class__.__mro__[1].__subclasses__() }}\""),
         ("field 'text'", "not allowed in a library template")),
    Case("template reaches the environment", SUBSIDY,
         _template("text = \"{{ cycler.__init__.__globals__.os.environ }}\""), ("unknown name 'cycler'",)),
    Case("template reads a file", SUBSIDY, _template("text = \"{% include '/etc/passwd' %}\""),
         ("'include' is not allowed",)),
    Case("template loops without end", SUBSIDY,
         _template('text = "{% for a in range(999) %}{% for b in range(999) %}{% for c in range(999) %}x'
                   '{% endfor %}{% endfor %}{% endfor %}"'), ("nested at most 2 deep",)),
    Case("template output without end", SUBSIDY,
         _template('text = "{% for a in range(999) %}{% for b in range(999) %}x{% endfor %}{% endfor %}"'),
         ("longer than 20000 characters",)),
    Case("template recursion", SUBSIDY,
         _template('text = "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"'), ("macros are not allowed",)),
    Case("template dividing by zero", SUBSIDY, _template('text = "{{ 1 // 0 }}"'),
         ("field 'text'", "division by zero")),
    Case("template with a misspelt format key", SUBSIDY, _template("text = \"{{ '%(nmae)s' % country }}\""),
         ("field 'text'", "no key 'nmae'")),
    Case("template padding three billion wide", SUBSIDY,
         _point('background = "BACKGROUND-SUBSIDY: buyers of Chinese gear would be ineligible."',
                "background = \"{{ 'x'.center(3000000000) }}\""), ("field 'background'", "at most 20,000")),
    Case("template nested 3,000 deep", SUBSIDY, _template('text = "{{ ' + "(" * 3000 + "1" + ")" * 3000 + ' }}"'),
         ("field 'text'", "nested more than 40 deep")),
    Case("template iterating inside two loops", SUBSIDY,
         _template('text = "{% for a in range(1000) %}{% for b in range(1000) %}{{ range(1000)|sum }}'
                   '{% endfor %}{% endfor %}"'), ("field 'text'", "steps")),
    Case("template doubling text 24 times", SUBSIDY,
         _template("text = \"{% set x = 'ab' %}" + "{% set x = x ~ x %}" * 24 + "{{ x }}\""),
         ("field 'text'", "at most 20,000")),
    Case("answer in an unknown encoding", SUBSIDY,
         POINT.encode() + b"[[if_raised]]\nquestion = \"Q?\"\nanswer = \"{{ 'x'.encode('rot13') }}\"\n",
         ("field 'if_raised #1.answer'", "'.encode()' is not allowed")),
    Case("condition dividing by zero", SUBSIDY,
         _point('releasable = true', 'releasable = true\napplies_when = "1 // 0"'),
         ("field 'applies_when'", "division by zero")),
    Case("template printing the meeting's purpose", SUBSIDY, _template('text = "We note {{ meeting.purpose }}."'),
         ("field 'text'", "do not see the meeting")),
    Case("template printing the whole meeting", SUBSIDY, _template('text = "{{ meeting }}"'),
         ("field 'text'", "do not see the meeting")),
    Case("condition on the meeting", SUBSIDY,
         _point('releasable = true', 'releasable = true\napplies_when = "meeting.audience == \'government\'"'),
         ("field 'applies_when'", "do not see the meeting")),
    Case("condition naming an unknown field", SUBSIDY,
         _point('releasable = true', 'releasable = true\napplies_when = "country.has_bases"'),
         ("field 'applies_when'", "unknown field 'country.has_bases'")),
]


def _brief(**fields) -> bytes:
    return json.dumps({"schema_version": 1, "country": "IT", "carrier": "tim", **fields},
                      ensure_ascii=False).encode()


_ONE = [{"id": "compulsion-law"}]
BRIEF_CASES = [
    Case("truncated JSON", "b.brief", _brief()[:25], ("not valid brief JSON",)),
    Case("not an object", "b.brief", b'["IT", "tim"]', ("expected a JSON object",)),
    Case("empty file", "b.brief", b"", ("is empty",)),
    Case("JSON nested 200,000 deep", "b.brief", b"[" * 200_000 + b"]" * 200_000, ("nested thousands of levels",)),
    Case("objects nested 200,000 deep", "b.brief", b'{"a": ' * 200_000 + b"1" + b"}" * 200_000,
         ("nested thousands of levels",)),
    Case("a 5,000-digit number", "b.brief", _brief()[:-1] + b', "x": ' + b"9" * 5000 + b"}",
         ("line 1", "a number of more than 20 digits")),
    Case("a 25-digit format number", "b.brief", b'{\n"schema_version": ' + b"9" * 25 + b"}",
         ("line 2", "a number of more than 20 digits")),
    Case("a huge negative number", "b.brief", _brief()[:-1] + b', "x": [-' + b"9" * 400 + b"]}",
         ("a number of more than 20 digits",)),
    Case("binary junk", "b.brief", bytes(range(256)), ("is not UTF-8 text",)),
    Case("newer schema", "b.brief", b'{"schema_version": 7}', ("newer Briefing Builder",)),
    Case("schema version as text", "b.brief", b'{"schema_version": "1"}', ("schema_version",)),
    Case("unknown country", "b.brief", _brief(country="FR", carrier=None), ("unknown country 'FR'",)),
    Case("unknown carrier", "b.brief", _brief(carrier="orange"), ("'orange' is not a carrier in Italy",)),
    Case("carrier of another country", "b.brief", _brief(carrier="spark"), ("it belongs to New Zealand",)),
    Case("unknown point", "b.brief", _brief(points=[{"id": "ghost-point"}]),  # left out, with a warning
         ("point 'ghost-point' is no longer in the library",), 0),
    Case("megabyte string", "b.brief", _brief(drafted_by="x" * 1_500_000), ("field 'drafted_by'", "100000")),
    Case("wrong type", "b.brief", _brief(points="compulsion-law"), ("field 'points'",)),
    Case("byte-order mark", "b.brief", b"\xef\xbb\xbf" + _brief(points=[{"id": "compulsion-law"}]), (), 0),
    Case("control characters", "b.brief",
         _brief(points=[{"id": "compulsion-law", "text": "bell\u0007 nul\u0000 esc\u001b[31m end"}]), (), 0),
    # layout: any field of any length prints (cells split across pages, long titles cut with a warning)
    Case("a 6,000-character BLUF", "b.brief",
         _brief(meeting={"bluf": "We ask for a timetable. " * 250}, points=_ONE), (), 0),
    Case("70 counterparts", "b.brief", _brief(meeting={"counterparts": [
        {"name": f"Counterpart {n}", "title": "Director General", "organisation": "Ministry"}
        for n in range(70)]}, points=_ONE), (), 0),
    Case("a place of two pages", "b.brief",
         _brief(meeting={"place": "Palazzo Piacentini, Rome. " * 400}, points=_ONE), (), 0),
    Case("a 300,000-character custom point title", "b.brief",
         _brief(points=[{"id": "custom-long"}], custom_points=[{"id": "custom-long", "title": "Trust " * 50_000}]),
         ("is 299,999 characters long", "a title may be at most"), 0),
    Case("right-to-left, emoji and CJK", "b.brief",
         _brief(meeting={"title": "اجتماع \u202eevil\u202c 会议 📡", "place": "東京"},
                points=[{"id": "compulsion-law", "text": "שלום 你好 👋🏽 done"}]), (), 0),
]


def _handout(text: str, **fields) -> bytes:
    """A brief whose releasable custom point says `text`, with these person or marking fields."""
    return json.dumps({"schema_version": 2, "country": "IT", "carrier": "tim", **fields,
                       "points": [{"id": "compulsion-law"}, {"id": "custom-leak"}],
                       "custom_points": [{"id": "custom-leak", "title": "Next steps", "text": text,
                                          "releasable": True}]}, ensure_ascii=False).encode()


_IN_POINT = ", in the wording of point 2 (custom-leak)"
_DRAFTER = "the drafter's name 'Thornbury, Margaret'" + _IN_POINT

# Handouts that must be refused: our people's names and markings in the shapes officers type them.
HANDOUT_CASES = [
    Case("name with an office", "b.brief", _handout("Margaret Thornbury will follow up.",
                                                    drafted_by="Margaret Thornbury (ECON)"),
         ("the drafter's name 'Margaret Thornbury (ECON)'" + _IN_POINT,)),
    Case("name with an office and post", "b.brief",
         _handout("Dorothea Vanterpool will follow up.", meeting={"participants": ["Dorothea Vanterpool, ECON/Rome"]}),
         ("a participant's name 'Dorothea Vanterpool, ECON/Rome'" + _IN_POINT,)),
    Case("surname first", "b.brief", _handout("Margaret Thornbury will follow up.", drafted_by="Thornbury, Margaret"),
         (_DRAFTER,)),
    Case("title and surname", "b.brief", _handout("Ms. Thornbury will follow up.", drafted_by="Thornbury, Margaret"),
         (_DRAFTER,)),
    Case("a clearer's name", "b.brief", _handout("Dr Vanterpool agrees.", clearances=[
        {"role": "cleared", "office": "ECON", "name": "Dorothea Vanterpool", "status": "cleared"}]),
         ("a clearer's name 'Dorothea Vanterpool'" + _IN_POINT,)),
    Case("Korean name and particle", "b.brief", _handout("김민수가 회의에 참석했습니다.",
                                                          meeting={"participants": ["김민수 (ECON)"]}),
         ("a participant's name '김민수 (ECON)'" + _IN_POINT,)),
    Case("Chinese name and title", "b.brief", _handout("我们感谢王伟先生的支持。", meeting={"participants": ["王伟"]}),
         ("a participant's name '王伟'",)),
    Case("Japanese name and honorific", "b.brief",
         _handout("田中さんによろしく。", meeting={"participants": ["田中太郎"]}),
         ("a participant's name '田中太郎'",)),
    Case("name in NFD, text in NFC", "b.brief",
         _handout("José Müller will follow up.", drafted_by=unicodedata.normalize("NFD", "José Müller")),
         ("the drafter's name",)),
    Case("zero-width space in a name", "b.brief", _handout("Margaret Thorn\u200bbury will follow up.",
                                                           drafted_by="Thornbury, Margaret"), (_DRAFTER,)),
    Case("soft hyphen at a line break", "b.brief", _handout("Margaret Thorn\u00ad\nbury will follow up.",
                                                            drafted_by="Thornbury, Margaret"), (_DRAFTER,)),
    Case("fullwidth letters", "b.brief", _handout("Ｍａｒｇａｒｅｔ Ｔｈｏｒｎｂｕｒｙ will follow up.",
                                                  drafted_by="Thornbury, Margaret"), (_DRAFTER,)),
    Case("Cyrillic lookalikes", "b.brief", _handout("M\u0430rg\u0430ret Th\u043ernbury will follow up.",
                                                    drafted_by="Thornbury, Margaret"), (_DRAFTER,)),
    Case("U+2800 for a space", "b.brief", _handout("Margaret\u2800Thornbury will follow up.",
                                                   drafted_by="Thornbury, Margaret"), (_DRAFTER,)),
    Case("contact's email", "b.brief", _handout("Write to jane.roe@state.gov.", regime="cui", cui={
        "poc": "Jane Roe, jane.roe@state.gov"}), ("the CUI designation block 'Jane Roe, jane.roe@state.gov'",)),
    Case("portion mark with a zero-width space", "b.brief", _handout("(U\u200b) We welcome the law."),
         ("the marking '(U)'" + _IN_POINT,)),
    Case("fullwidth portion mark", "b.brief", _handout("（SBU） We welcome the law."),
         ("the marking '(SBU)'" + _IN_POINT,)),
    Case("marking in words", "b.brief", _handout("This paper is Sensitive But Unclassified."),
         ("the marking 'SENSITIVE BUT UNCLASSIFIED'" + _IN_POINT,)),
    Case("the brief's banner in another case", "b.brief",
         _handout("Marked cui//sp-prvcy, as agreed.", regime="cui", marking="CUI", cui={"categories": ["SP-PRVCY"]}),
         ("the marking 'CUI//SP-PRVCY'" + _IN_POINT,)),
]
