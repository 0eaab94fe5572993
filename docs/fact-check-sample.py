"""Draw the fact-check sample from talking_points/ so that it can be drawn again.

Run: uv run python docs/fact-check-sample.py [SEED] (on the commit the check names). Claims are policy notes, carrier
notes and vendor entries (per country) and the sentences of point texts, backgrounds and
answers. Two claims per country first, then points and a random remainder, seeded.
"""

import random
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "talking_points"
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def country_claims(path):
    data = tomllib.loads(path.read_text())
    code, name = data["code"], path.name
    for i, note in enumerate(data.get("policy", [])):
        yield code, f"{name} policy[{i}] ({note['date']}).note", note["note"]
    for carrier in data.get("carriers", []):
        if carrier.get("notes"):
            yield code, f"{name} carriers[{carrier['id']}].notes", carrier["notes"]
        for vendor in carrier.get("vendors", []):
            words = ", ".join(filter(None, [vendor["role"], "/".join(vendor.get("networks", [])),
                                           vendor.get("status", "in-service"), vendor.get("detail", "")]))
            yield code, f"{name} carriers[{carrier['id']}].vendors[{vendor['vendor']}]", words


def point_claims(path):
    data = tomllib.loads(path.read_text())
    rel = path.relative_to(ROOT)
    parts = [("text", data["text"]), ("background", data.get("background", ""))]
    parts += [(f"if_raised[{i}].answer", qa["answer"]) for i, qa in enumerate(data.get("if_raised", []))]
    for field, body in parts:
        body = re.sub(r"{%.*?%}", " ", body).strip()
        for sentence in SENTENCE.split(body):
            if re.search(r"\d|[A-Z][a-z]+ [A-Z]", sentence) and len(sentence) > 40:
                yield "points", f"{rel} {field}", sentence.strip()


def main(seed=20261129, extra_points=22, extra_any=8):
    rng = random.Random(seed)
    countries = {}
    for path in sorted((ROOT / "countries").glob("*.toml")):
        for claim in country_claims(path):
            countries.setdefault(claim[0], []).append(claim)
    points = [c for p in sorted((ROOT / "points").rglob("*.toml")) for c in point_claims(p)]
    sample = [c for code in sorted(countries) for c in rng.sample(countries[code], 2)]
    sample += rng.sample(points, extra_points)
    rest = [c for group in countries.values() for c in group if c not in sample]
    sample += rng.sample(rest, extra_any)
    for n, (group, where, text) in enumerate(sample, 1):
        print(f"{n:02d} [{group}] {where}\n    {text}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20261129)
