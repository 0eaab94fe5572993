"""`briefing-app export`: a brief (saved, or made from the command line) to a document file."""

from __future__ import annotations

from ..core.brief import Brief, PointChoice
from ..core.brief_file import load_brief
from ..core.faults import Fault, InputError
from ..core.library_cache import keep_rendered
from ..core.outputs import FORMATS, format_of
from ..core.recommend import recommended_ids
from .common import choose, library_with, report, skipped


def output_format(args, parser_error) -> str:
    """`--format`, or the one the output's suffix names (PDF for a suffix no format has); a
    `--format` that contradicts the suffix is a usage error."""
    implied = format_of(args.output.suffix)
    if args.format and implied and args.format != implied:
        parser_error(f"--format {args.format} does not match the output {args.output.name} "
                     f"(a {FORMATS[implied].name} file name)")
    return args.format or implied or "pdf"


def run(args, parser_error) -> int:
    from ..core.produce import check_output_path, produce

    fmt = output_format(args, parser_error)
    check_output_path(args.output, source=args.brief)
    library = library_with(args.library, cached=True)
    check_output_path(args.output, library, args.brief)
    skipped(library)
    if args.brief:
        brief = load_brief(args.brief)
        name = str(args.brief)
        if args.country or args.carrier:
            country, carrier = choose(library, args.country or brief.country, args.carrier,
                                      parser_error)
            brief = brief.model_copy(update={"country": country.code,
                                             "carrier": carrier.id if carrier else None})
    else:
        country, carrier = choose(library, args.country, args.carrier, parser_error)
        brief = Brief(country=country.code, carrier=carrier.id if carrier else None)
        name = "command line"
    twice = sorted({p for p in args.point if args.point.count(p) > 1})
    if twice:
        parser_error(f"--point {', '.join(twice)} given more than once")
    unknown = [p for p in args.point if p not in library.points]
    if unknown:  # asked for by name: an error (a brief's missing point is only left out)
        raise InputError([Fault("command line", "--point", f"point '{p}' is not in the library")
                          for p in unknown])
    if args.point:
        brief = brief.model_copy(update={"points": tuple(PointChoice(id=p) for p in args.point)})
    elif not args.brief:
        ids = recommended_ids(library, country, carrier, brief.meeting)
        brief = brief.model_copy(update={"points": tuple(PointChoice(id=i) for i in ids)})
    if args.paper:
        brief = brief.model_copy(update={"paper": args.paper})
    try:
        result = produce(library, brief, args.variant, fmt, args.output, name=name,
                         source=args.brief)
    finally:
        keep_rendered(library)  # what the templates said here: the next export reads it back
    report([Fault(str(args.output), "", w, warning=True) for w in result.warnings])
    size = FORMATS[fmt].name if result.pages is None else \
        f"{result.pages} page" + ("s" if result.pages != 1 else "")
    points = f"{result.points} point" + ("s" if result.points != 1 else "")
    print(f"Wrote {args.variant} ({points}, {size}, {brief.paper}) to {args.output}")
    return 0
