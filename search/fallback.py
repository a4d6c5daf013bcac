"""The site search on the database, for when the engine is away or hangs: plain substring matches
of every word, no German analysis, no facets; visitors are told the search is limited."""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.db.models import Q
from django.utils.html import strip_tags

from search.documents import DOCUMENTS, public_url
from search.query import Hit, words_of

DEGRADED = ("Die Volltextsuche ist gerade eingeschränkt: die Treffer unten stammen aus einer einfachen "
            "Suche nach den eingegebenen Wörtern (ohne Wortteile, Synonyme und Tippfehler).")

# Per kind: the columns searched and how a row becomes a hit's source.
COLUMNS = {
    "premises": ("title", "description", "city", "street"),
    "offers": ("title", "description", "provider__name"),
    "partners": ("name", "description", "region"),
    "pages": ("title", "search_description"),
}


def _source(kind: str, obj) -> dict:
    if kind == "premises":
        return {"title": obj.title, "url": obj.get_absolute_url(), "city": obj.city, "area_sqm": obj.area_sqm,
                "status": obj.status, "description": obj.description}
    if kind == "offers":
        return {"title": obj.title, "url": public_url(obj, obj.url), "provider": obj.provider.name,
                "description": obj.description}
    if kind == "partners":
        return {"title": obj.name, "url": public_url(obj, obj.website), "description": obj.description}
    return {"title": obj.title, "url": obj.url or "", "description": strip_tags(obj.search_description or "")}


def search_kind_on_database(kind: str, q: str, *, offset: int = 0, size: int = 10) -> tuple[int, list[Hit]]:
    words = words_of(q)
    if not words:
        return 0, []
    condition = reduce(and_, (reduce(or_, (Q(**{f"{c}__icontains": w}) for c in COLUMNS[kind])) for w in words))
    qs = DOCUMENTS[kind].indexable().filter(condition).distinct().order_by("pk")
    if kind == "offers":
        qs = qs.select_related("provider")
    count = qs.count()
    rows = list(qs[offset:offset + size]) if size else []
    return count, [Hit(kind=kind, id=obj.pk, source=_source(kind, obj), highlight={}) for obj in rows]
