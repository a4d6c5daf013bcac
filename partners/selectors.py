"""Read-side helpers of the partners app.

``public_offers()`` is the one definition of "what the public may see" (approved = live, not past
its validity); the public list, detail pages, the API and the search index all start from it.
``search_offers(q, qs)`` is the full-text step: Elasticsearch (search.query.text_filter), with the
database as the fallback while the engine is unreachable.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from core.db import json_list_contains
from core.vocabularies import SeekerKind, SupportCategory

MAX_PAGE_SIZE = 100


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


def search_offers(q: str, qs: QuerySet) -> QuerySet:
    """Full text through the search engine (German analysis, synonyms, typos); on the database
    while the engine is unreachable."""
    from search.query import text_filter

    return text_filter("offers", qs, q, fallback=_search_offers_on_database)


def _search_offers_on_database(qs: QuerySet, q: str) -> QuerySet:
    """Every word must occur in title, description, provider or tags."""
    for word in q.split():
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(provider__name__icontains=word)
            | Q(tags__name__icontains=word)
        )
    return qs.distinct() if q.split() else qs


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


def _facets(qs: QuerySet) -> dict[str, list[dict]]:
    categories, target_groups, providers = Counter(), Counter(), Counter()
    names = {}
    for cats, groups, provider_slug, provider_name in qs.values_list(
        "categories", "target_groups", "provider__slug", "provider__name"
    ):
        categories.update(set(cats or []))
        target_groups.update(set(groups or []))
        providers[provider_slug] += 1
        names[provider_slug] = provider_name
    category_labels, group_labels = dict(SupportCategory.choices), dict(SeekerKind.choices)
    return {
        "categories": [
            {"value": code, "label": category_labels[code], "count": n}
            for code, n in categories.most_common() if code in category_labels
        ],
        "target_groups": [
            {"value": code, "label": group_labels[code], "count": n}
            for code, n in target_groups.most_common() if code in group_labels
        ],
        "provider": [{"value": slug, "label": names[slug], "count": n} for slug, n in providers.most_common()],
    }


def offers_search(*, q="", categories=(), target_groups=(), stages=(), costs=(), city=None, provider=None,
                  tag=None, page=1, page_size=20, base: QuerySet | None = None) -> OffersPage:
    """The one search behind the public list and GET /api/v1/offers."""
    qs = public_offers() if base is None else base
    qs = filter_offers(qs, categories=categories, target_groups=target_groups, stages=stages, costs=costs,
                       city=city, provider=provider, tag=tag)
    if q.strip():
        qs = search_offers(q, qs)
    page_size = min(max(1, page_size), MAX_PAGE_SIZE)
    count = qs.count()
    start = (page - 1) * page_size
    items = list(qs.order_by("title", "pk")[start:start + page_size].prefetch_related("tags"))
    return OffersPage(count=count, items=items, page=page, page_size=page_size, facets=_facets(qs))
