"""The curated synonym list of this domain, expanded in Python at query time.

Each group is a set of words a visitor may use for the same thing; a query word in a group also
searches the others. Keep words in their base form; matching ignores case, umlaut spelling
(ä/ae) and a plural ending. Edit here, nowhere else (no synonym filter in the engine: osmem
cannot search a synonym filter's tokens, and query-time expansion works on both engines).
"""

from __future__ import annotations

from functools import lru_cache

SYNONYM_GROUPS: list[tuple[str, ...]] = [
    ("Laden", "Ladenlokal", "Geschäft", "Einzelhandel", "Verkaufsfläche", "Shop"),
    ("Gastronomie", "Restaurant", "Café", "Gaststätte", "Bistro", "Imbiss", "Kneipe", "Bar"),
    ("Büro", "Office", "Bürofläche", "Praxis", "Kanzlei"),
    ("Werkstatt", "Handwerk", "Manufaktur"),
    ("Atelier", "Kreativraum", "Studio"),
    ("Coworking", "Co-Working", "Gemeinschaftsbüro"),
    ("Veranstaltung", "Event", "Kultur", "Veranstaltungsraum"),
    ("Lager", "Lagerfläche", "Abstellraum"),
    ("Zwischennutzung", "Interimsnutzung", "Pop-up", "Popup"),
    ("barrierefrei", "rollstuhlgerecht", "behindertengerecht"),
    ("Glasfaser", "Breitband", "schnelles Internet"),
    ("Gründung", "Existenzgründung", "Start-up", "Startup", "Gründer", "Gründerin"),
    ("Förderung", "Zuschuss", "Fördermittel", "Finanzierung"),
    ("Nachfolge", "Unternehmensnachfolge", "Übernahme"),
    ("Beratung", "Coaching", "Mentoring"),
    ("Kommune", "Stadt", "Gemeinde"),
    ("Leerstand", "Leerstände", "leerstehend"),
    ("Innenstadt", "Stadtzentrum", "Ortskern", "Ortsmitte", "Stadtkern"),
    ("Hitzeschutz", "Hitzevorsorge", "Hitzeaktionsplan", "Klimaanpassung", "Klimafolgenanpassung"),
]

UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def fold(word: str) -> str:
    """Lowercase, umlauts transliterated (ü→ue), accents dropped: the key synonyms match on."""
    import unicodedata

    word = word.casefold()
    for umlaut, plain in UMLAUTS.items():
        word = word.replace(umlaut, plain)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _stems(word: str) -> set[str]:
    """The folded word and it without a common plural ending (Läden/Laden, Büros/Büro, Cafés/Café)."""
    key = fold(word)
    forms = {key}
    for ending in ("en", "n", "s", "e"):
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            forms.add(key[: -len(ending)])
    return forms


_INDEX: dict[str, tuple[str, ...]] = {}
for _group in SYNONYM_GROUPS:
    for _member in _group:
        _INDEX[fold(_member)] = _group
        if fold(_member) == "laden":
            _INDEX["laeden"] = _group  # umlaut plural


def synonyms(word: str) -> list[str]:
    """The other words of ``word``'s group (empty when it is in none)."""
    return list(_synonyms(word))


@lru_cache(maxsize=4096)
def _synonyms(word: str) -> tuple[str, ...]:
    """``synonyms``, kept: every text query asks for each of its words."""
    for form in _stems(word) | {fold(word)}:
        group = _INDEX.get(form)
        if group:
            return tuple(member for member in group if fold(member) != fold(word))
    return ()
