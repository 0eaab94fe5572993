"""Layout time against field length: is it linear?

Run by hand (not part of the test suite):  uv run python benchmarks/long_fields.py

For each field (a custom point's text, the BLUF, the meeting place, a custom point's title)
the officer brief is laid out (PDF, in this process, CPU time) at a base length and at 2, 4
and 8 times it. The ratio to the base run is printed beside the ratio of lengths: a linear
layout keeps the two close, a quadratic one doubles the ratio at each step. The Word export
of the longest text is timed too.
"""

from __future__ import annotations

import time

from briefing_app.core.brief import Brief
from briefing_app.core.library import load_library
from briefing_app.core.paths import builtin_library
from briefing_app.core.produce import produce

BASE = 12_500
SENTENCE = "The operator keeps a record of every vendor in its radio and core networks. "


def brief(field: str, length: int) -> Brief:
    text = (SENTENCE * (length // len(SENTENCE) + 1))[:length]
    custom = {"id": "custom-long", "title": "Long", "text": "Short text.", "releasable": True}
    meeting = {"title": "Long fields", "place": "Rome"}
    if field in ("text", "title"):
        custom[field] = text
    else:
        meeting[field] = text
    return Brief.model_validate({"country": "IT", "carrier": "tim", "meeting": meeting,
                                 "points": [{"id": "sc-intelligence-law"}, {"id": "custom-long"}],
                                 "custom_points": [custom]})


def cpu(library, value: Brief, fmt: str = "pdf") -> tuple[float, int | None]:
    start = time.process_time()
    produced = produce(library, value, "officer", fmt, None)
    return time.process_time() - start, produced.pages


def main() -> None:
    library = load_library([builtin_library()])
    cpu(library, brief("text", 100))  # fonts and imports load once, outside the figures
    print(f"{'field':8} {'characters':>10} {'pages':>6} {'CPU s':>7} {'x length':>9} {'x time':>7}")
    for field in ("text", "bluf", "place", "title"):
        base = None
        for factor in (1, 2, 4, 8):
            seconds, pages = cpu(library, brief(field, BASE * factor))
            base = base or seconds
            print(f"{field:8} {BASE * factor:>10,} {pages:>6} {seconds:>7.2f} {factor:>9} "
                  f"{seconds / base:>7.1f}")
    seconds, _ = cpu(library, brief("text", BASE * 8), "docx")
    print(f"Word export, text of {BASE * 8:,} characters: {seconds:.2f} s CPU")


if __name__ == "__main__":
    main()
