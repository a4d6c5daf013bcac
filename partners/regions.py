"""The region of a support offer: the whole state (``thueringen``) or named Thuringian municipalities.

One parser for the import, the admin form and the filters, so "Jena (Saale)", "jena" and "Jena"
end up as the same stored name (the gazetteer's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from common import gazetteer

STATEWIDE_CODE = "thueringen"
STATEWIDE_SPELLINGS = {"thueringen", "thüringen", "thuringen", "ganz thüringen", "ganz thueringen"}


@dataclass
class Region:
    statewide: bool = False
    municipalities: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def municipality(name: str) -> tuple[str | None, str | None]:
    """(gazetteer name, None) for a Thuringian municipality, else (None, German reason)."""
    place = gazetteer.lookup(name)
    if place is None:
        return None, f"Die Kommune „{name}“ ist im Ortsverzeichnis nicht bekannt."
    if place.state != gazetteer.THURINGIA:
        return None, f"„{name}“ liegt nicht in Thüringen."
    return place.name, None


def parse_region(names) -> Region:
    """``names``: a list of entries (``thueringen`` or municipality names)."""
    region = Region()
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if name.lower() in STATEWIDE_SPELLINGS:
            region.statewide = True
            continue
        found, error = municipality(name)
        if error:
            region.errors.append(error)
        elif found not in region.municipalities:
            region.municipalities.append(found)
    if region.statewide:
        region.municipalities = []
    if not region.statewide and not region.municipalities and not region.errors:
        region.errors.append("Bitte „thueringen“ oder mindestens eine Kommune angeben.")
    return region
