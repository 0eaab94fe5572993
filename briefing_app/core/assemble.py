"""Turning a brief and the library into the content every output is made from.

Here the library's templates are rendered for the brief's country and carrier, reworded and
custom points put in the brief's order, and sources numbered; `core/compose*.py` then writes
the document's words around that content and a backend (`render/`) lays it out. The handout is
built from releasable content alone (deletion, not redaction).
"""

from __future__ import annotations

from dataclasses import dataclass

from .brief import Brief, Clearance, CuiBlock, Meeting, PointChoice, UsForcesRelease
from .citations import cited_sources, data_sources, number_source, snapshot_sources
from .faults import Fault, InputError
from .library import Library
from .markings import Marks, brief_portions, resolve
from .models import QA, Carrier, Country, Fact, Source, TalkingPoint
from .recommend import unmet_condition
from .rendered import Rendered, TemplateFailure
from .stance import stance_misfit


@dataclass(frozen=True)
class AssembledPoint:
    number: int
    id: str
    title: str
    topic: str
    text: str
    library_text: str
    background: str
    if_raised: tuple[QA, ...]
    source_numbers: tuple[int, ...]
    handout_source_numbers: tuple[int, ...]
    marking: str
    releasable: bool
    custom: bool
    misfit: str = ""  # why a hand-picked point does not fit here: condition, stance, examples
    fact: Fact | None = None  # a library point's `verify` and `deadline`
    cited: tuple[Source, ...] = ()  # its own sources, to tell whether a deadline was followed up
    library_background: str = ""
    library_if_raised: tuple[QA, ...] = ()
    note: str = ""  # the officer's private note: officer brief only
    handout_text: str = ""  # the wording a handout prints (a custom point's own text)
    us_forces: bool = False  # speaks of US forces: on a handout only with a recorded release
    figures: tuple[str, ...] = ()  # the handout figures it uses

    @property
    def misfit_warning(self) -> tuple[str, ...]:
        if not self.misfit:
            return ()
        return (f"point {self.number} ({self.id}) does not fit this meeting ({self.misfit}); "
                f"check that its wording is true here",)

    @property
    def reworded(self) -> bool:
        return not self.custom and self.text != self.library_text

    @property
    def background_reworded(self) -> bool:
        return not self.custom and self.background != self.library_background

    @property
    def if_raised_reworded(self) -> bool:
        return not self.custom and self.if_raised != self.library_if_raised


@dataclass(frozen=True)
class AssembledBrief:
    meeting: Meeting
    country: Country
    carrier: Carrier | None
    points: tuple[AssembledPoint, ...]
    sources: tuple[Source, ...]
    marks: Marks
    cui: CuiBlock
    post: str
    drafted_by: str
    clearances: tuple[Clearance, ...]
    paper: str
    us_forces_release: UsForcesRelease | None = None
    missing: tuple[str, ...] = ()  # chosen points the library no longer has: left out

    @property
    def missing_warnings(self) -> tuple[str, ...]:
        return tuple(f"point '{m}' is no longer in the library and is left out; remove it, or "
                     f"replace it with a library point" for m in self.missing)

    def source_number(self, source: Source) -> int:
        return [s.key for s in self.sources].index(source.key) + 1

    @property
    def banner(self) -> str:
        return self.marks.banner

    @property
    def scheme(self) -> str:
        return self.marks.scheme

    def portion(self, marking: str) -> str:
        return self.marks.portion(marking)

    @property
    def handout_points(self) -> tuple[AssembledPoint, ...]:
        """The releasable points a handout prints: those with handout wording, and those that
        speak of US forces only once their release is recorded."""
        return tuple(p for p in self.points if p.releasable and not self.held_back(p))

    def held_back(self, point: AssembledPoint) -> str:
        """Why a releasable point stays off the handout: `us-forces` (no release recorded),
        `no-wording` (no handout wording in the library); "" when it prints."""
        if not point.handout_text.strip():
            return "no-wording"
        if point.us_forces and self.us_forces_release is None:
            return "us-forces"
        return ""

    @property
    def handout_figures(self) -> tuple[str, ...]:
        """The figures the handout's points use, each once."""
        return tuple(dict.fromkeys(f for p in self.handout_points for f in p.figures))


def _render_point(point: TalkingPoint, templates: Rendered, where: str) -> dict:
    rendered = {}
    try:
        for name in ("title", "text", "handout_text", "background"):
            field = name
            rendered[name] = templates.text(getattr(point, name))
        questions = []
        for index, qa in enumerate(point.if_raised, start=1):
            field = f"if_raised #{index}"
            if qa.when and not templates.holds(qa.when):
                continue
            questions.append(QA(question=templates.text(qa.question),
                                answer=templates.text(qa.answer)))
        rendered["if_raised"] = tuple(questions)
    except (TemplateFailure, TypeError, ValueError) as err:
        raise InputError(Fault(where, f"field '{field}'", str(err))) from None
    return rendered


def reference_faults(library: Library, brief: Brief, name: str = "brief") -> list[Fault]:
    """What the brief refers to that the library does not have and it cannot do without: its
    country and carrier (a missing point is only left out: `missing_points`).

    A brief saved against another library (or an older one) still opens; these faults say
    what cannot be printed until the officer chooses again."""
    faults = []
    country = library.country(brief.country) if brief.country else None
    if brief.country and country is None:
        faults.append(Fault(name, "field 'country'", f"unknown country '{brief.country}'"))
    if country is not None and brief.carrier and country.carrier(brief.carrier) is None:
        owner = library.carrier(brief.carrier)
        hint = f" (it belongs to {owner[0].name})" if owner else ""
        faults.append(Fault(name, "field 'carrier'", f"'{brief.carrier}' is not a carrier in {country.in_text}{hint}"))
    return faults


def missing_points(library: Library, brief: Brief) -> tuple[str, ...]:
    """The chosen library points the library no longer has (an update removed or renamed
    them): left out of the documents, with a warning, so the rest of the brief still prints."""
    return tuple(c.id for c in brief.points if brief.custom(c.id) is None and c.id not in library.points)


def assemble(library: Library, brief: Brief, name: str = "brief") -> AssembledBrief:
    """Everything both PDFs print, in order; raises InputError naming what the brief refers to
    that the library does not have."""
    faults = reference_faults(library, brief, name)
    if faults:
        raise InputError(faults)
    country = library.country(brief.country) if brief.country else None
    if country is None:
        raise InputError(Fault(name, "field 'country'", "no country chosen"))
    carrier = country.carrier(brief.carrier) if brief.carrier else None
    templates = Rendered(library, country, carrier)
    sources: list[Source] = []
    points = []
    missing = missing_points(library, brief)
    for choice in brief.points:
        if choice.id in missing:
            continue
        custom = brief.custom(choice.id)
        if custom is not None:
            numbers: tuple[int, ...] = ()
            public: tuple[int, ...] = ()
            misfit = ""
            body = {"title": custom.title, "text": custom.text, "background": custom.background,
                    "if_raised": custom.if_raised}
            library_text, topic, marking, releasable = custom.text, "Custom", custom.marking, \
                custom.releasable
        else:
            lib_point = library.points[choice.id]
            body = _render_point(lib_point, templates, library.source_of(f"point:{lib_point.id}"))
            library_text = body["text"]
            topic_obj = library.topic(lib_point.topic)
            topic = topic_obj.title if topic_obj else lib_point.topic
            marking, releasable = lib_point.marking, lib_point.releasable
            # a hand-picked point may not fit: its condition, its stance
            misfit = unmet_condition(lib_point, templates) or stance_misfit(lib_point, country, carrier)
            cited = cited_sources(lib_point, templates)
            own = [number_source(sources, s) for s in cited]
            facts = [number_source(sources, s) for s in data_sources(lib_point, country, carrier)]
            numbers = tuple(dict.fromkeys(own + facts))
            public = tuple(dict.fromkeys(n for n, s in zip(own, cited, strict=True) if s.handout))
        library_body = dict(body)
        if custom is None:
            body.update(_tailored(choice))
        if not misfit and custom is None and body["text"] == library_text:
            misfit = templates.template_names_itself(lib_point.text)  # worked out once, then kept
        elif not misfit:
            misfit = templates.names_itself(body["text"])  # the officer's words: never kept
        points.append(AssembledPoint(
            number=len(points) + 1, id=choice.id, title=body["title"], topic=topic,
            text=body["text"], library_text=library_text, background=body["background"],
            if_raised=body["if_raised"], source_numbers=numbers,
            handout_source_numbers=public, marking=marking,
            releasable=releasable, custom=custom is not None, misfit=misfit,
            fact=lib_point if custom is None else None,
            cited=cited if custom is None else (),
            library_background=library_body["background"],
            library_if_raised=library_body["if_raised"], note=choice.note,
            handout_text=body["text"] if custom is not None else body["handout_text"],
            us_forces=custom is None and lib_point.us_forces,
            figures=tuple(lib_point.figures) if custom is None else ()))
    for source in snapshot_sources(country):
        number_source(sources, source)
    point_markings = {p.id: (p.marking, p.releasable) for p in points}
    marks = resolve(brief, brief_portions(brief, point_markings), name, point_markings)
    return AssembledBrief(
        meeting=brief.meeting, country=country, carrier=carrier, points=tuple(points),
        sources=tuple(sources), marks=marks, cui=brief.cui, post=brief.post,
        drafted_by=brief.drafted_by, clearances=brief.clearances, paper=brief.paper,
        us_forces_release=brief.us_forces_release, missing=missing)


def _tailored(choice: PointChoice) -> dict:
    """What this brief words its own way: the text, the background, the "if raised" answers
    (pairs left empty do not print; a question without its answer yet does)."""
    body: dict = {}
    if choice.text is not None:
        body["text"] = choice.text
    if choice.background is not None:
        body["background"] = choice.background
    if choice.if_raised is not None:
        body["if_raised"] = tuple(QA.model_construct(question=a.question.strip(), answer=a.answer.strip())
                                  for a in choice.if_raised if a.question.strip() or a.answer.strip())
    return body
