"""`briefing-app library check` and `library list`: validate a library, list its points."""

from __future__ import annotations

import datetime as dt
import sys

from ..core.check import DEFAULT_MAX_AGE_DAYS, check_library, is_stale
from ..core.library_cache import keep_rendered
from ..core.recommend import recommendations
from .common import choose, library_with, report, skipped


def check(args) -> int:
    library = library_with(args.dir)
    faults = check_library(library, max_age_days=args.max_age or DEFAULT_MAX_AGE_DAYS)
    report(faults)
    errors = [f for f in faults if not f.warning]
    carriers = sum(len(c.carriers) for c in library.countries.values())
    summary = (f"{len(library.topics)} topics, {len(library.points)} points, "
               f"{len(library.countries)} countries, {carriers} carriers")
    if errors:
        print(f"Library has {len(errors)} problem(s) ({summary} loaded).", file=sys.stderr)
        return 1
    warnings = len(faults) - len(errors)
    print(f"Library OK: {summary}" + (f"; {warnings} warning(s)." if warnings else "."))
    return 0


def listing(args, parser_error) -> int:
    library = library_with(args.library, cached=True)
    skipped(library)
    today = dt.date.today()
    max_age = args.max_age or DEFAULT_MAX_AGE_DAYS
    if args.country or args.carrier:
        country, carrier = choose(library, args.country, args.carrier, parser_error)
        verdicts = {r.point_id: r for r in recommendations(library, country, carrier)}
        keep_rendered(library)
    else:
        verdicts = {}
    width = max((len(p.id) for p in library.points.values()), default=10)
    for point in library.ordered_points():
        stale = "  [stale: reviewed " + point.reviewed.isoformat() + "]" \
            if is_stale(point.reviewed, today, max_age) else ""
        verdict = verdicts.get(point.id)
        if verdict is None:
            said = ""
        elif verdict.recommended:
            said = f"  recommended: {verdict.reason}"
        else:
            said = f"  not recommended: {verdict.reason}"
        print(f"{point.id:<{width}}  {point.topic:<16}{said}{stale}")
    return 0
