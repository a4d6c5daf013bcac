"""The site-wide search (/suche/) and the autocomplete: premises, offers, partners and pages.

Facets are configuration (``FACETS``): each names the field it reads per kind. A filter on a
facet that a kind does not have leaves that kind out (a use type filter shows premises only).
Pages come from Wagtail's elasticsearch8 backend (German mapping: search/wagtail_backend.py),
searched with the same German query as premises and filtered by Wagtail's own compiler to
``live().public()`` outside /intern/, so restricted pages are never found.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from django.utils.html import strip_tags
from elasticsearch import NotFoundError

from core.vocabularies import SupportCategory, UseType
from search.query import ENGINE_ERRORS, Hit, SearchUnavailable, search_kind, words_of

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
    try:
        for each in KINDS:
            group = Group(kind=each, label=KINDS[each])
            result.groups.append(group)
            if each not in allowed:
                continue
            listed = kind is None or kind == each
            size = (PAGE_SIZE if kind else GROUP_SIZE) if listed else 0
            offset = (page - 1) * PAGE_SIZE if kind == each else 0
            if each == "pages":
                group.count, group.hits = search_pages(q, offset=offset, size=size)
                continue
            group.count, group.hits, aggs = search_kind(
                each, q=q, filters=_filter_clauses(each, filters, near, radius_km), aggs=_aggs(each),
                offset=offset, size=size, sort=_sort(each, near),
            )
            for name, agg in aggs.items():
                for bucket in agg.get("buckets", []):
                    key = str(bucket["key"])
                    facet_counts[name][key] = facet_counts[name].get(key, 0) + bucket["doc_count"]
    except SearchUnavailable as error:
        result.groups = []
        result.unavailable = error.message
        return result
    if kind:
        listed = next(g for g in result.groups if g.kind == kind)
        result.num_pages = max(1, min(MAX_PAGE, math.ceil(listed.count / PAGE_SIZE)))
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


def _sort(kind, near):
    if near is not None and kind == "premises":
        return [{"_score": "desc"}, {"_geo_distance": {"location": {"lat": near.lat, "lon": near.lon}, "unit": "km"}},
                {"id": "asc"}]
    return None


# ---------------------------------------------------------------- pages (Wagtail backend)


def searchable_pages():
    """Live, public pages outside the members' area: nothing restricted is ever found.

    The closed sections (pages with a view restriction, the members' area) are read in one query;
    each closes its whole subtree.
    """
    from django.db.models import Q
    from wagtail.models import Page

    closed = Page.objects.filter(Q(view_restrictions__isnull=False) | Q(url_path__contains="/intern/"))
    hidden = Q()
    for path in sorted(set(closed.values_list("path", flat=True))):
        hidden |= Q(path__startswith=path)
    qs = Page.objects.live()
    return qs.exclude(hidden) if hidden else qs


def _with_intro(pages):
    """Each page's ``intro`` (whichever page type has one) as ``hit_intro``, in the same query as
    the pages themselves: no query per page type."""
    from django.core.exceptions import FieldDoesNotExist
    from django.db.models import F, TextField, Value
    from django.db.models.functions import Coalesce, NullIf
    from wagtail.models import Page, get_page_models

    lookups = set()
    for model in get_page_models():
        try:
            owner = model._meta.get_field("intro").model
        except FieldDoesNotExist:
            continue
        if Page in owner._meta.parents:  # a direct subclass: reachable as page.<model_name>
            lookups.add(f"{owner._meta.model_name}__intro")
    intros = [NullIf(F(lookup), Value("")) for lookup in sorted(lookups)]
    if not intros:
        return pages.annotate(hit_intro=Value("", output_field=TextField()))
    return pages.annotate(hit_intro=Coalesce(*intros, Value(""), output_field=TextField()))


# Page fields whose snippet is shown first (a page's summary before its body).
SNIPPET_FIELDS_FIRST = ("intro", "teaser", "summary", "description", "short_name")


@cache
def page_text_columns(model) -> tuple[str, ...]:
    """The index columns of a page type's own text fields (not the title), summaries first: the
    fields its highlight snippets come from."""
    from modelsearch.index import SearchField
    from wagtail.search.backends import get_search_backend

    mapping = get_search_backend().mapping_class(model)
    columns = [
        mapping.get_field_column_name(search_field)
        for search_field in model.get_search_fields()
        if isinstance(search_field, SearchField) and search_field.field_name != "title"
    ]
    rank = {name: index for index, name in enumerate(SNIPPET_FIELDS_FIRST)}
    return tuple(sorted(dict.fromkeys(columns), key=lambda column: rank.get(column.rsplit("__", 1)[-1], len(rank))))


def page_search_body(q: str, *, offset: int = 0, size: int = 10) -> tuple[str, dict] | None:
    """Index name and request for ``q`` over the searchable pages; None without a searchable word.

    Wagtail's query compiler gives what it would send for ``searchable_pages()`` (content type,
    live, public, outside /intern/) and the text fields it would search (``_all_text`` and its
    boosted copies, e.g. the titles); the text query is ours, the same German query as for
    premises, so pages get compounds, spellings, synonyms and typos too.
    """
    from modelsearch.query import MATCH_ALL
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from search.query import TextField, text_query
    from search.wagtail_backend import is_short_field

    backend = get_search_backend()
    compiler = backend.query_compiler_class(searchable_pages(), MATCH_ALL)
    fields = [
        TextField(field.field_name, field.boost, long_text=not is_short_field(field.field_name))
        for field in compiler.remapped_fields
    ]
    text = text_query(fields, q)
    if text is None:
        return None
    body = {
        "query": {"bool": {"must": [text], "filter": compiler.get_filters()}},
        "from": max(0, offset),
        "size": size,
        "track_total_hits": True,
        "sort": [{"_score": "desc"}, {"pk": "asc"}],
        "_source": False,
    }
    return backend.get_index_for_model(Page).name, body


def _page_highlights(es, index: str, body: dict, pages: list) -> dict[int, dict[str, str]]:
    """Highlights of ``pages`` for the query of ``body``: a second request that names only their
    types' text fields (all page types' fields at once cost ~3 ms per hit on osmem)."""
    from search.query import highlight_spec, pick_highlights

    columns = tuple(dict.fromkeys(column for page in pages for column in page_text_columns(page.specific_class)))
    response = es.search(
        index=index,
        query={"bool": {"must": body["query"]["bool"]["must"], "filter": [{"ids": {"values": [str(p.pk) for p in pages]}}]}},
        size=len(pages),
        _source=False,
        highlight=highlight_spec(columns),
    )
    return {int(raw["_id"]): pick_highlights(raw.get("highlight"), columns) for raw in response["hits"]["hits"]}


def search_pages(q: str, *, offset: int = 0, size: int = 10, highlight: bool = True) -> tuple[int, list[Hit]]:
    """Pages matching ``q`` through Wagtail's backend and its client, best first, with highlights."""
    from elasticsearch import BadRequestError
    from wagtail.search.backends import get_search_backend

    request = page_search_body(q, offset=offset, size=size)
    if request is None:
        return 0, []
    index, body = request
    es = get_search_backend().es
    try:
        response = es.search(index=index, **body)
        raw_hits = response["hits"]["hits"]
        # The database decides once more: an index that lags behind never shows an unpublished page.
        # Plain pages with their intro in one query (no query per page type).
        found = {page.pk: page for page in _with_intro(searchable_pages()).filter(pk__in=[int(r["_id"]) for r in raw_hits])}
        pages = [found[int(raw["_id"])] for raw in raw_hits if int(raw["_id"]) in found]
        pages = [page for page in pages if "/intern/" not in (page.url_path or "")]
        highlights = _page_highlights(es, index, body, pages) if pages and highlight else {}
    except NotFoundError:
        return 0, []  # Wagtail's index not built yet: no page to find
    except (BadRequestError, *ENGINE_ERRORS) as error:
        raise SearchUnavailable(str(error))
    hits = []
    for page in pages:
        description = page.search_description or page.hit_intro or ""
        hits.append(Hit(
            kind="pages", id=page.pk,
            source={"title": page.title, "url": page.url or "", "description": strip_tags(str(description))[:300]},
            highlight=highlights.get(page.pk, {}),
        ))
    total = response["hits"]["total"]
    return (total["value"] if isinstance(total, dict) else int(total)), hits


# ---------------------------------------------------------------- autocomplete


def autocomplete(q: str, *, per_kind: int = 3) -> list[dict]:
    """A few titles per kind for what was typed so far (compound parts and spellings included)."""
    if not words_of(q) or len(q.strip()) < 2:
        return []
    suggestions = []
    for kind in ("premises", "offers", "partners"):
        _, hits, _ = search_kind(kind, q=q, size=per_kind, highlight=False, source=["title", "url"])
        suggestions += [{"title": h.title, "url": h.url, "type": kind, "type_label": KINDS[kind]} for h in hits]
    _, pages = search_pages(q, size=per_kind, highlight=False)
    suggestions += [{"title": h.title, "url": h.url, "type": "pages", "type_label": KINDS["pages"]} for h in pages]
    return suggestions
