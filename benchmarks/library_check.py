"""`briefing-app library check` on large libraries, as a central library team runs it on every
commit: the whole command, from start to exit.

Run by hand:  uv run python benchmarks/library_check.py [--repeat N]

The libraries are the built-in one grown to size: its points copied under new ids (so their
templates repeat, as the issue's figures were measured), and its countries copied under new
codes with distinct names and carriers. A second 2,000-point library makes every copy's text a
template of its own ("distinct templates"): there each template is compiled and rendered, and
the figure shows the cost of a library written point by point.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing_app.core.library import toml  # noqa: E402  (the parser the app uses)

# (label, points, countries, carriers per country or None to keep each country's own, distinct
# templates, target in seconds)
CASES = [("2,000 points, 20 countries, 80 carriers", 2000, 20, 4, False, 5.0),
         ("5,000 points, 500 countries", 5000, 500, None, False, 20.0),
         ("2,000 points, 20 countries, 80 carriers, distinct templates", 2000, 20, 4, True, None)]


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | int | float):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string


def _tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def toml_text(data: dict, prefix: str = "") -> str:
    """Enough of a TOML writer for library files: scalars, lists, tables, arrays of tables."""
    lines = [f"{k} = {_value(v)}" for k, v in data.items() if not (isinstance(v, dict) or _tables(v))]
    for key, value in data.items():
        if isinstance(value, dict):
            lines += ["", f"[{prefix}{key}]", toml_text(value, f"{prefix}{key}.")]
        elif _tables(value):
            for item in value:
                lines += ["", f"[[{prefix}{key}]]", toml_text(item, f"{prefix}{key}.")]
    return "\n".join(lines)


def grow(folder: Path, points: int, countries: int, carriers: int | None, distinct: bool) -> Path:
    target = folder / f"library-{points}-{countries}-{carriers}-{int(distinct)}"
    shutil.copytree(ROOT / "talking_points", target)
    originals = sorted((target / "points").glob("*/*.toml"))
    for n in range(points - len(originals)):
        original = originals[n % len(originals)]
        data = toml.loads(original.read_text(encoding="utf-8"))
        data["id"] = f"{original.stem}-copy-{n}"
        if distinct:
            data["text"] += f" {{{{ country.in_text }}}} (version {n})"
        (original.parent / f"{data['id']}.toml").write_text(toml_text(data), encoding="utf-8")
    bases = sorted((target / "countries").glob("*.toml"))
    taken = {p.stem.upper() for p in bases}
    codes = (a + b for a, b in itertools.product(string.ascii_uppercase, repeat=2) if a + b not in taken)
    for n in range(countries):
        base = bases[n % len(bases)]
        data = toml.loads(base.read_text(encoding="utf-8"))
        copy = n >= len(bases)
        code = next(codes) if copy else data["code"]
        if copy:
            data.update(code=code, name=f"{data['name']} {code}")
            data.pop("name_in_text", None)
        own = data["carriers"]
        wanted = carriers or len(own)
        data["carriers"] = []
        for k in range(wanted):
            carrier = dict(own[k % len(own)])
            if copy or k >= len(own):
                carrier.update(id=f"{carrier['id']}-{code.lower()}-{k}", name=f"{carrier['name']} {code} {k}")
                carrier.pop("name_in_text", None)
            data["carriers"].append(carrier)
        (target / "countries" / f"{code.lower()}.toml").write_text(toml_text(data), encoding="utf-8")
    return target


def timed_check(library: Path, repeat: int) -> float:
    command = [sys.executable, "-m", "briefing_app", "library", "check", str(library)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
        if result.returncode not in (0, 1) or errors:
            sys.exit(f"library check of {library} did not run cleanly:\n" + "\n".join(errors[:20]))
    return statistics.median(times)


def rows(repeat: int) -> list[tuple[str, str, str, str, str]]:
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, points, countries, carriers, distinct, target in CASES:
            library = grow(Path(tmp), points, countries, carriers, distinct)
            seconds = timed_check(library, repeat)
            found.append((f"library check, {label}", f"{seconds:.1f} s", "", "",
                          f"< {target:.0f} s" if target else ""))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    from run import HEADER, print_table

    print_table([HEADER, *rows(args.repeat)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
