"""The site-wide search (/suche/) and the autocomplete: premises, offers, partners and pages.

Facets are configuration (``FACETS``): each names the field it reads per kind. A filter on a
facet that a kind does not have leaves that kind out (a use type filter shows premises only).
Pages are documents of their own (search.documents.PageDocument): only public pages outside
/intern/ are indexed, and the hits are checked against the database once more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from common.vocabularies import SupportCategory, UseType
from search.query import Hit, SearchUnavailable, search_kind, words_of

PAGE_SIZE = 20
GROUP_SIZE = 5
MAX_PAGE = 500
RADIUS_CHOICES = (5, 10, 25, 50)

KINDS = {
    "premises": "Flächen",
    "offers": "Unterstützungsangebote",
    "partners": "Partner",
    "pages": "Seiten",
}

# facet → {kind: field}; labels for code vocabularies.
FACETS = {
    "use_type": {"label": "Nutzungsart", "fields": {"premises": "use_types"}, "choices": UseType},
    "municipality": {
        "label": "Kommune",
        "fields": {"premises": "city", "offers": "municipalities", "partners": "region"},
        "choices": None,
    },
    "category": {"label": "Kategorie", "fields": {"offers": "categories"}, "choices": SupportCategory},
}


@dataclass
class Group:
    kind: str
    label: str
    count: int = 0
    hits: list = field(default_factory=list)


@dataclass
class SiteSearch:
    q: str
    kind: str | None
    groups: list[Group]
    facets: dict[str, dict]
    page: int = 1
    num_pages: int = 1
    unavailable: str = ""
    degraded: str = ""  # the engine did not answer: the hits come from the database (search.fallback)
    near: object = None
    radius_km: float | None = None

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)


def _kinds_for(filters: dict[str, str], near) -> list[str]:
    kinds = list(KINDS)
    for name, value in filters.items():
        if value:
            kinds = [k for k in kinds if k in FACETS[name]["fields"]]
    if near is not None:
        kinds = [k for k in kinds if k == "premises"]
    return kinds


def _filter_clauses(kind: str, filters: dict[str, str], near, radius_km) -> list[dict]:
    clauses = []
    for name, value in filters.items():
        if value:
            clauses.append({"term": {FACETS[name]["fields"][kind]: value}})
    if near is not None and kind == "premises":
        clauses.append({"geo_distance": {"distance": f"{radius_km}km", "location": {"lat": near.lat, "lon": near.lon}}})
    return clauses


def _aggs(kind: str) -> dict:
    aggs = {}
    for name, spec in FACETS.items():
        if kind in spec["fields"]:
            aggs[name] = {"terms": {"field": spec["fields"][kind], "size": 30}}
    return aggs


def _label(name: str, value: str) -> str:
    choices = FACETS[name]["choices"]
    return dict(choices.choices).get(value, value) if choices else value


def site_search(
    *, q: str, kind: str | None = None, filters: dict[str, str] | None = None, near=None, radius_km=None,
    page: int = 1,
) -> SiteSearch:
    """Grouped results (a few per kind) or, with ``kind``, one paginated list; facets with counts."""
    filters = {name: (filters or {}).get(name) or "" for name in FACETS}
    kind = kind if kind in KINDS else None
    page = max(1, min(page, MAX_PAGE))
    result = SiteSearch(q=q, kind=kind, groups=[], facets={}, page=page, near=near, radius_km=radius_km)
    if not words_of(q):
        return result
    allowed = _kinds_for(filters, near)
    facet_counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}

    def from_engine(each, offset, size):
        if each == "pages":
            return search_pages(q, offset=offset, size=size)
        count, hits, aggs = search_kind(
            each, q=q, filters=_filter_clauses(each, filters, near, radius_km), aggs=_aggs(each),
            offset=offset, size=size, sort=_sort(each, near),
        )
        for name, agg in aggs.items():
            for bucket in agg.get("buckets", []):
                key = str(bucket["key"])
                facet_counts[name][key] = facet_counts[name].get(key, 0) + bucket["doc_count"]
        return count, hits

    try:
        _fill_groups(result, allowed, from_engine)
    except SearchUnavailable:
        return _site_search_on_database(result, allowed, filters, near)
    result.facets = {
        name: {
            "label": spec["label"],
            "selected": filters[name],
            "values": [
                {"value": value, "label": _label(name, value), "count": count}
                for value, count in sorted(facet_counts[name].items(), key=lambda item: (-item[1], item[0]))
                if value
            ],
        }
        for name, spec in FACETS.items()
    }
    return result


def _fill_groups(result: SiteSearch, allowed, fetch) -> None:
    """One group per kind, in KINDS order: a few hits each, or with ``result.kind`` one page of it.
    ``fetch(kind, offset, size)`` → (count, hits) from the engine or the database."""
    kind, page = result.kind, result.page
    result.groups = []
    for each in KINDS:
        group = Group(kind=each, label=KINDS[each])
        result.groups.append(group)
        if each not in allowed:
            continue
        listed = kind is None or kind == each
        size = (PAGE_SIZE if kind else GROUP_SIZE) if listed else 0
        offset = (page - 1) * PAGE_SIZE if kind == each else 0
        group.count, group.hits = fetch(each, offset, size)
    if kind:
        listed = next(g for g in result.groups if g.kind == kind)
        result.num_pages = max(1, min(MAX_PAGE, math.ceil(listed.count / PAGE_SIZE)))


def _site_search_on_database(result: SiteSearch, allowed, filters, near) -> SiteSearch:
    """Substring matches from the database when the engine is away; facet and radius filters
    need the engine, so with one of them set the page says the search is unavailable."""
    from search.fallback import DEGRADED, search_kind_on_database

    if near is not None or any(filters.values()):
        result.groups, result.unavailable = [], SearchUnavailable.message
        return result
    result.degraded = DEGRADED
    _fill_groups(result, allowed, lambda each, offset, size: search_kind_on_database(each, result.q, offset=offset,
                                                                                     size=size))
    return result


def _sort(kind, near):
    if near is not None and kind == "premises":
        return [{"_score": "desc"}, {"_geo_distance": {"location": {"lat": near.lat, "lon": near.lon}, "unit": "km"}},
                {"id": "asc"}]
    return None


# ---------------------------------------------------------------- pages


def search_pages(q: str, *, offset: int = 0, size: int = 10, highlight: bool = True) -> tuple[int, list[Hit]]:
    """Public pages matching ``q``, best first, with highlights from the same request.

    The index holds only public pages (search.pages.searchable_pages); the database decides once
    more, so a page made private a moment ago is never shown while its sync is on the way."""
    from search.pages import searchable_pages

    count, raw_hits, _ = search_kind("pages", q=q, offset=offset, size=size, highlight=highlight,
                                     source=["title", "url", "description"])
    if not raw_hits:
        return count, []
    visible = set(searchable_pages().filter(pk__in=[hit.id for hit in raw_hits]).values_list("pk", flat=True))
    hits = []
    for hit in raw_hits:
        if hit.id not in visible:
            count -= 1
            continue
        hit.source["description"] = strip_tags(hit.source.get("description") or "")[:300]
        hits.append(hit)
    return count, hits


# ---------------------------------------------------------------- autocomplete


AUTOCOMPLETE_KINDS = ("premises", "offers", "partners", "pages")


def _autocomplete_query(kind: str, words: list[str]) -> dict:
    """Every finished word as in the search; the last one also as the beginning of a title word
    (``title.folded`` indexes prefixes, so this is a term lookup, not a scan)."""
    from search.documents import DOCUMENTS
    from search.query import Fields, word_clause

    doc_cls = DOCUMENTS[kind]
    *done, last = words
    # The word being typed: a title word beginning with it, or the word in the German text
    # (compound parts, synonyms); no typo tolerance yet, it is not finished.
    fields = Fields.of(doc_cls)
    typed = {"bool": {"should": [
        {"match_bool_prefix": {"title.folded": {"query": last}}},
        {"multi_match": {"query": last, "fields": [f"{name}^{boost:g}" for name, boost in fields.text], "operator": "and"}},
    ], "minimum_should_match": 1}}
    return {"bool": {"must": [*(word_clause(doc_cls, word) for word in done), typed]}}


def autocomplete(q: str, *, per_kind: int = 3) -> list[dict]:
    """A few titles per kind for what was typed so far, in one request (``_msearch``)."""
    from search.client import get_client
    from search.documents import DOCUMENTS
    from search.errors import ENGINE_ERRORS
    from search.pages import searchable_pages

    words = words_of(q)
    if not words or len(q.strip()) < 2:
        return []
    body = []
    for kind in AUTOCOMPLETE_KINDS:
        body.append({"index": DOCUMENTS[kind].alias(), "ignore_unavailable": True})
        body.append({"query": _autocomplete_query(kind, words), "size": per_kind, "_source": ["title", "url"],
                     "sort": [{"_score": "desc"}, {"id": "asc"}]})
    try:
        responses = get_client().msearch(body=body)["responses"]
    except ENGINE_ERRORS as error:
        raise SearchUnavailable(str(error))
    suggestions = []
    for kind, response in zip(AUTOCOMPLETE_KINDS, responses, strict=True):
        hits = (response.get("hits") or {}).get("hits") or []
        if kind == "pages" and hits:
            visible = set(searchable_pages().filter(pk__in=[int(h["_id"]) for h in hits]).values_list("pk", flat=True))
            hits = [h for h in hits if int(h["_id"]) in visible]
        suggestions += [
            {"title": h["_source"].get("title", ""), "url": h["_source"].get("url", ""), "type": kind,
             "type_label": KINDS[kind]}
            for h in hits
        ]
    return suggestions
