"""From an assembled brief, a variant and a language to a `Document`: the one place where
the documents' wording is put together (fixed words from `core/language.py`).

`compose_officer.py` and `compose_handout.py` hold each variant's sections; this module the
pieces both use and the entry point.
"""

from __future__ import annotations

import datetime as dt

from .assemble import AssembledBrief
from .brief import Clearance
from .document import Document, Portion, Run
from .house_style import nested_quotes
from .language import Words, words
from .models import Source


def compose(brief: AssembledBrief, variant: str, language: str = "en",
            today: dt.date | None = None) -> Document:
    """The document one variant of the brief prints, in `language`; `today` decides which
    deadlines the officer brief reports as passed."""
    from .compose_handout import handout
    from .compose_officer import officer
    from .document_bounds import bounded

    if variant == "officer":
        return bounded(officer(brief, words(language), language, today))
    return bounded(handout(brief, words(language), language))


def portion(brief: AssembledBrief, marking: str) -> Portion:
    return Portion(marking, brief.portion(marking))


def run_in(title: str) -> Run:
    """A bold title that leads into its paragraph, closed by a full stop (the paragraph's
    next run starts with the space)."""
    stop = "" if title.rstrip()[-1:] in ".?!:" else "."
    return Run(title + stop, bold=True)


def day(w: Words, date: dt.date) -> str:
    """A date in the document's one style: "December 1, 2026"."""
    return w.long_date.format(date=date.day, month=w.months[date.month - 1], year=date.year)


def source_line(w: Words, source: Source) -> str:
    text = w.quoted_source.format(publisher=source.publisher, title=nested_quotes(source.title),
                                  date=day(w, source.date))
    return text + (f"\n{source.url}" if source.url else "")  # a URL on its own line breaks less


def clearer(clearance: Clearance) -> str:
    """An office and a name as the clearance record writes them: "ECON: B. Jones"."""
    return ": ".join(part for part in (clearance.office, clearance.name) if part)


def clearance_notes(brief: AssembledBrief, w: Words) -> tuple[str, ...]:
    """A warning for each clearance still pending: the paper is not cleared yet."""
    pending = dict(w.clearance_pending)
    return tuple(pending[c.role].format(who=clearer(c) or w.not_given)
                 for c in brief.clearances if c.status == "pending")
