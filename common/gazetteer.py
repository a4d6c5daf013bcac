"""Offline gazetteer: a municipality's name to its centre, without any network.

Reads common/data/gazetteer.json (built from GeoNames by common/data/build_gazetteer.py).
Lookups tolerate case, umlaut spellings ("Muehlhausen", "Muhlhausen") and suffixes such as
"Mühlhausen/Thüringen" or "Jena (Saale)"; on a name clash the Thuringian place wins, then the
larger one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.json"

# GeoNames admin1 codes of the German states.
STATES = {
    "01": "Baden-Württemberg",
    "02": "Bayern",
    "03": "Bremen",
    "04": "Hamburg",
    "05": "Hessen",
    "06": "Niedersachsen",
    "07": "Nordrhein-Westfalen",
    "08": "Rheinland-Pfalz",
    "09": "Saarland",
    "10": "Schleswig-Holstein",
    "11": "Brandenburg",
    "12": "Mecklenburg-Vorpommern",
    "13": "Sachsen",
    "14": "Sachsen-Anhalt",
    "15": "Thüringen",
    "16": "Berlin",
}
THURINGIA = "Thüringen"


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    state: str
    population: int = 0


_UMLAUTS_AE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_UMLAUTS_A = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _keys(text: str) -> list[str]:
    """Comparable forms of a name: umlauts spelled out ("ue") and umlauts dropped ("u")."""
    base = unicodedata.normalize("NFC", text).strip().lower()
    keys = []
    for table in (_UMLAUTS_AE, _UMLAUTS_A):
        key = _NON_WORD.sub(" ", _strip_marks(base.translate(table))).strip()
        if key and key not in keys:
            keys.append(key)
    return keys


def _variants(text: str) -> list[str]:
    """The name as given, then without a qualifier: "Mühlhausen/Thüringen" → "Mühlhausen"."""
    variants = [text]
    for cut in (text.split("/")[0], re.sub(r"\s*\(.*?\)", "", text), text.split(",")[0]):
        cut = cut.strip()
        if cut and cut not in variants:
            variants.append(cut)
    return variants


@cache
def _index() -> dict[str, Place]:
    rows = json.loads(DATA_FILE.read_text(encoding="utf-8"))["places"]
    index: dict[str, Place] = {}
    places = []
    for row in rows:
        name, lat, lon, admin1, population = row[:5]
        place = Place(name=name, lat=lat, lon=lon, state=STATES.get(admin1, ""), population=population)
        places.append((place, [name, *(row[5] if len(row) > 5 else [])]))
    # Rows come Thuringia first, larger places first; the first entry of a key wins. Whole names
    # and known spellings go before shortened ones, so "Frankfurt (Oder)" cannot take "Frankfurt"
    # from a place that is really called so.
    for place, spellings in places:
        for spelling in spellings:
            for key in _keys(spelling):
                index.setdefault(key, place)
    for place, spellings in places:
        for spelling in spellings:
            for variant in _variants(spelling)[1:]:
                for key in _keys(variant):
                    index.setdefault(key, place)
    return index


@lru_cache(maxsize=4096)
def lookup(name: str | None) -> Place | None:
    """The place called ``name``, or None when the gazetteer does not know it (answers kept: every
    match asks for the seeker's place and the town of each listing shown)."""
    if not name or not name.strip():
        return None
    index = _index()
    for variant in _variants(name.strip()):
        for key in _keys(variant):
            if key in index:
                return index[key]
    return None


def nearest(lat: float, lon: float, *, within_km: float = 10.0) -> Place | None:
    """The Thuringian municipality whose centre is closest to (lat, lon), if within ``within_km``.

    Lets coordinates stand for a municipality, e.g. for support offers of one town.
    """
    from common.geo import haversine_km

    best, best_km = None, within_km
    for place in _thuringian_places():
        distance = haversine_km(lat, lon, place.lat, place.lon)
        if distance <= best_km:
            best, best_km = place, distance
    return best


@cache
def _thuringian_places() -> tuple[Place, ...]:
    return tuple(p for p in {id(p): p for p in _index().values()}.values() if p.state == THURINGIA)
