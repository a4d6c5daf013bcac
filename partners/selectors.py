"""Read-side helpers of the partners app.

``public_offers()`` is the one definition of "what the public may see" (approved = live, not past
its validity); the public list, detail pages, the API and the search index all start from it.
``offers_search`` is the one search behind the public list and GET /api/v1/offers: like the
premises search (matching/selectors.py) it asks the search engine once (exact filters, validity,
German full text, facets from aggregations, sort and page) and loads only the page's rows from the
database. While the engine is away the same search runs on the database.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from common.db import json_list_contains
from common.vocabularies import SeekerKind, SupportCategory
from search.analysis import sort_key
from search.query import SearchUnavailable, search_kind, words_of

MAX_PAGE_SIZE = 100
SORTS = ("relevance", "title", "date")
PROVIDER_FACET_SIZE = 500  # every partner of the alliance (a few dozen)


def partner_for_user(user):
    """The partner organisation ``user`` acts for, or None (anonymous, alliance editors, superusers)."""
    if not getattr(user, "is_authenticated", False):
        return None
    membership = getattr(user, "partner_membership", None)
    return membership.partner if membership else None


def partner_by_name_or_slug(text: str):
    from partners.models import Partner

    return Partner.objects.filter(Q(slug=text) | Q(name__iexact=text)).first()


def public_partners() -> QuerySet:
    from partners.models import Partner

    return Partner.objects.all()


def public_offers(today=None) -> QuerySet:
    """Offers the public sees: approved (live; the row holds the last approved version) and not
    past ``valid_until``. Drafts, offers awaiting approval and expired offers drop out by themselves."""
    from partners.models import SupportOffer

    today = today or timezone.localdate()
    return (
        SupportOffer.objects.filter(live=True)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .select_related("provider")
    )


def filter_offers(qs: QuerySet, *, categories=(), target_groups=(), stages=(), costs=(), city=None,
                  provider=None, tag=None) -> QuerySet:
    """Exact filters; within one filter any of the given codes matches, filters combine with AND.

    ``stages``: offers without stages are for every stage. ``city``: offers for that municipality
    and statewide offers.
    """
    if categories:
        qs = qs.filter(_any_of("categories", categories))
    if target_groups:
        qs = qs.filter(_any_of("target_groups", target_groups))
    if stages:
        qs = qs.filter(_any_of("stages", stages) | Q(stages=[]))
    if costs:
        qs = qs.filter(cost__in=costs)
    if city:
        qs = qs.filter(Q(statewide=True) | json_list_contains("municipalities", city))
    if provider is not None:
        qs = qs.filter(provider=provider)
    if tag:
        qs = qs.filter(pk__in=qs.model.objects.filter(tags__name__iexact=tag).values("pk"))
    return qs


def _any_of(field_name, codes) -> Q:
    q = Q()
    for code in codes:
        q |= json_list_contains(field_name, code)
    return q


@dataclass
class OffersPage:
    count: int
    items: list
    page: int
    page_size: int
    facets: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def offers_search(*, q="", categories=(), target_groups=(), stages=(), costs=(), city=None, provider=None,
                  tag=None, sort="", page=1, page_size=20) -> OffersPage:
    """Public offers matching the filters, one page of them (``page`` from 1), and facet counts.

    Within one filter any of the given codes matches, filters combine with AND. ``stages``: offers
    without stages are for every stage. ``city``: offers for that municipality and statewide
    offers. ``sort``: relevance (default with a text), title (default without) or date (newest
    first); ties by id, so pages neither repeat nor skip an offer. One engine query and a fixed
    number of database queries, whatever the page size.
    """
    filters = {
        "categories": categories, "target_groups": target_groups, "stages": stages, "costs": costs, "city": city,
        "provider": provider, "tag": tag,
    }
    page_size = min(max(1, page_size), MAX_PAGE_SIZE)
    page = max(1, page)
    order = _sort_key(sort, q)
    try:
        count, ids, facet_counts = _search_on_engine(q, filters, order, page, page_size)
    except SearchUnavailable:
        count, ids, facet_counts = _search_on_database(q, filters, order, page, page_size)
    return OffersPage(count=count, items=_page_rows(ids), page=page, page_size=page_size,
                      facets=_facets(facet_counts))


def _sort_key(sort: str, q: str) -> str:
    """The order asked for, else relevance for a text and title otherwise."""
    if sort in SORTS:
        return sort
    return "relevance" if words_of(q) else "title"


def _page_rows(ids: list[int]) -> list:
    """The page's offers in the search's order (two queries: offers with providers, tags)."""
    rows = public_offers().prefetch_related("tags").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]  # one withdrawn a moment ago: the index follows after commit


def _any(*clauses) -> dict:
    return {"bool": {"should": list(clauses), "minimum_should_match": 1}}


def _missing(name: str) -> dict:
    return {"bool": {"must_not": [{"exists": {"field": name}}]}}


def _engine_filters(*, categories, target_groups, stages, costs, city, provider, tag) -> list[dict]:
    """Validity first (the index may still hold an offer that expired since it was indexed), then the filters."""
    clauses = [_any({"range": {"valid_until": {"gte": timezone.localdate().isoformat()}}}, _missing("valid_until"))]
    if categories:
        clauses.append({"terms": {"categories": list(categories)}})
    if target_groups:
        clauses.append({"terms": {"target_groups": list(target_groups)}})
    if stages:
        clauses.append(_any({"terms": {"stages": list(stages)}}, _missing("stages")))
    if costs:
        clauses.append({"terms": {"cost": list(costs)}})
    if city:
        clauses.append(_any({"term": {"statewide": True}}, {"term": {"municipalities": city}}))
    if provider is not None:
        clauses.append({"term": {"provider_id": provider.pk}})
    if tag:
        clauses.append({"term": {"tag_names": tag.casefold()}})
    return clauses


ENGINE_SORTS = {
    "relevance": [{"_score": "desc"}, {"title_sort": "asc"}, {"id": "asc"}],
    "title": [{"title_sort": "asc"}, {"id": "asc"}],
    "date": [{"created_at": "desc"}, {"id": "desc"}],
}


def _search_on_engine(q, filters, order, page, page_size) -> tuple[int, list[int], dict]:
    aggs = {
        "categories": {"terms": {"field": "categories", "size": len(SupportCategory.values)}},
        "target_groups": {"terms": {"field": "target_groups", "size": len(SeekerKind.values)}},
        "provider": {"terms": {"field": "provider_id", "size": PROVIDER_FACET_SIZE}},
    }
    count, hits, aggregations = search_kind(
        "offers", q=q, filters=_engine_filters(**filters), aggs=aggs, sort=ENGINE_SORTS[order],
        offset=(page - 1) * page_size, size=page_size, highlight=False, require_text=False, source=False,
    )

    def counts(name):
        return {b["key"]: b["doc_count"] for b in (aggregations.get(name) or {}).get("buckets") or []}

    facet_counts = {name: counts(name) for name in aggs}
    facet_counts["provider"] = {int(key): n for key, n in facet_counts["provider"].items()}
    return count, [hit.id for hit in hits], facet_counts


def _search_on_database(q, filters, order, page, page_size) -> tuple[int, list[int], dict]:
    """The same search on the database while the engine is away: every word (as the engine reads
    the query) must occur in title, description, provider or tags; no relevance, so by title."""
    qs = filter_offers(public_offers(), **filters)
    words = words_of(q)
    for word in words:
        qs = qs.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(provider__name__icontains=word)
            | Q(tags__name__icontains=word)
        )
    if words:
        qs = qs.distinct()
    rows = list(qs.order_by().values_list("pk", "title", "created_at", "categories", "target_groups", "provider_id"))
    if order == "date":
        rows.sort(key=lambda row: (row[2], row[0]), reverse=True)
    else:
        rows.sort(key=lambda row: (sort_key(row[1]), row[0]))
    categories, target_groups, providers = Counter(), Counter(), Counter()
    for _pk, _title, _created, cats, groups, provider_id in rows:
        categories.update(set(cats or []))
        target_groups.update(set(groups or []))
        providers[provider_id] += 1
    start = (page - 1) * page_size
    ids = [row[0] for row in rows[start:start + page_size]]
    return len(rows), ids, {"categories": categories, "target_groups": target_groups, "provider": providers}


def _facets(counts: dict[str, dict]) -> dict[str, list[dict]]:
    """Facet entries from counts per code (and per provider id): most frequent first, ties in
    vocabulary order (providers by name); codes outside the vocabularies are left out."""

    def vocabulary_facet(name, vocabulary):
        entries = [
            {"value": code, "label": label, "count": counts[name][code]}
            for code, label in vocabulary.choices if counts[name].get(code)
        ]
        return sorted(entries, key=lambda entry: -entry["count"])

    from partners.models import Partner

    provider_counts = counts["provider"]
    partners = Partner.objects.filter(pk__in=list(provider_counts)).values_list("pk", "slug", "name")
    providers = [{"value": slug, "label": name, "count": provider_counts[pk]} for pk, slug, name in partners]
    return {
        "categories": vocabulary_facet("categories", SupportCategory),
        "target_groups": vocabulary_facet("target_groups", SeekerKind),
        "provider": sorted(providers, key=lambda entry: (-entry["count"], sort_key(entry["label"]))),
    }
