"""Reads of the premises register: the one search behind the public list, the map and the API.

``premises_search`` is the single place that turns filters into results, distances and facets.
It asks the search engine once (exact filters first, then the radius, German full text, facets
from aggregations, sort and page) and loads only the page's rows from the database. When the
engine is away, the same filters run on the database, so the list keeps working.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Count, F, FloatField, Q, QuerySet, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from common.db import json_list_contains
from common.gazetteer import Place
from common.geo import EARTH_RADIUS_KM, bounding_box
from common.vocabularies import Feature, UseType
from premises.models import Premises
from search.query import SearchUnavailable, search_kind, text_filter

MAX_PAGE_SIZE = 100
MAX_MARKERS = 2000


@dataclass
class PremisesPage:
    count: int
    # Premises, each with ``distance_km`` (float rounded to 0.1, or None); with ``columns`` dicts
    # of those columns plus "id" and "distance_km".
    items: list
    page: int
    page_size: int
    facets: dict[str, list[dict]] = field(default_factory=dict)
    near: Place | None = None

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def _distance_expression(lat: float, lon: float):
    """Haversine in SQL (Django registers the math functions on SQLite too)."""
    half_dlat = Radians(F("latitude") - Value(lat)) / Value(2.0)
    half_dlon = Radians(F("longitude") - Value(lon)) / Value(2.0)
    a = Power(Sin(half_dlat), 2) + Cos(Radians(F("latitude"))) * Value(math.cos(math.radians(lat))) * Power(
        Sin(half_dlon), 2
    )
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a), output_field=FloatField())


def _text_on_database(qs: QuerySet[Premises], q: str) -> QuerySet[Premises]:
    """Plain substring match: the fallback while the search engine is unreachable."""
    for word in q.split()[:10]:
        qs = qs.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(city__icontains=word)
            | Q(street__icontains=word)
        )
    return qs


@dataclass(frozen=True)
class PremisesCriteria:
    """What a visitor asked for; the engine and the database read the same criteria."""

    q: str = ""
    city: str | None = None
    near: Place | None = None
    radius_km: float | None = None
    use_types: tuple = ()
    features: tuple = ()
    area_min: float | None = None
    area_max: float | None = None
    rent_max: float | None = None
    interim_use: bool | None = None


def _filtered(c: PremisesCriteria) -> QuerySet[Premises]:
    qs = text_filter("premises", Premises.objects.public(), c.q, fallback=_text_on_database)
    if c.city:
        qs = qs.filter(city__iexact=c.city)
    if c.use_types:
        any_use = Q()
        for code in c.use_types:
            any_use |= json_list_contains("use_types", code)
        qs = qs.filter(any_use)
    for code in c.features:
        qs = qs.filter(json_list_contains("features", code))
    if c.area_min is not None:
        qs = qs.filter(area_sqm__gte=c.area_min)
    if c.area_max is not None:
        qs = qs.filter(area_sqm__lte=c.area_max)
    if c.rent_max is not None:
        qs = qs.filter(rent_month_eur__lte=c.rent_max)  # "on request" cannot prove to fit the budget
    if c.interim_use is not None:
        qs = qs.filter(interim_use=c.interim_use)
    if c.near is not None:
        qs = qs.annotate(distance=_distance_expression(c.near.lat, c.near.lon))
        if c.radius_km is not None:
            min_lat, max_lat, min_lon, max_lon = bounding_box(c.near.lat, c.near.lon, c.radius_km)
            qs = qs.filter(
                latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lon, longitude__lte=max_lon,
                distance__lte=c.radius_km,
            )
    return qs


def premises_search(
    *, sort: str = "", page: int = 1, page_size: int = 20, with_facets: bool = True,
    columns: tuple[str, ...] | None = None, **criteria,
) -> PremisesPage:
    """Public listings matching the filters, one page of them, and facet counts.

    ``city`` restricts to one municipality; ``near`` (a place) adds ``distance_km`` and sorts by
    it; with ``radius_km`` only listings within that distance of ``near`` remain. Use types match
    any of the given codes, features all of them. One engine query and one database query.
    ``columns``: the page's rows as dicts of just these columns (the API), not model instances.
    """
    c = PremisesCriteria(**criteria)
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    page = max(1, page)
    order = _sort_key(sort, q=c.q, near=c.near)
    try:
        return _search_on_engine(c, order, page, page_size, with_facets=with_facets, columns=columns)
    except SearchUnavailable:
        result = _search_on_database(c, order, page, page_size, with_facets=with_facets)
        if columns:
            result.items = [
                {"id": item.pk, **{name: getattr(item, name) for name in columns}, "distance_km": item.distance_km}
                for item in result.items
            ]
        return result


def _engine_filters(c: PremisesCriteria) -> list[dict]:
    """Exact filters first (cheap), the radius last."""
    clauses: list[dict] = []
    if c.city:
        clauses.append({"term": {"city": c.city}})
    if c.use_types:
        clauses.append({"terms": {"use_types": list(c.use_types)}})
    for code in c.features:
        clauses.append({"term": {"features": code}})
    area = {key: float(value) for key, value in (("gte", c.area_min), ("lte", c.area_max)) if value is not None}
    if area:
        clauses.append({"range": {"area_sqm": area}})
    if c.rent_max is not None:
        clauses.append({"range": {"rent_month_eur": {"lte": float(c.rent_max)}}})
    if c.interim_use is not None:
        clauses.append({"term": {"interim_use": bool(c.interim_use)}})
    if c.near is not None and c.radius_km is not None:
        clauses.append({"geo_distance": {"distance": f"{c.radius_km}km", "location": {"lat": c.near.lat, "lon": c.near.lon}}})
    return clauses


FACET_SIZE = 50
SORTS = ("relevance", "distance", "rent", "area", "date")


def _sort_key(sort: str, *, q: str, near) -> str:
    """The order asked for, else relevance for a text, distance around a place, newest otherwise."""
    if sort in SORTS and not (sort == "distance" and near is None):
        return sort
    if (q or "").strip():
        return "relevance"
    return "distance" if near is not None else "date"


def _engine_facets(aggregations: dict) -> dict[str, list[dict]]:
    def buckets(name):
        return (aggregations.get(name) or {}).get("buckets") or []

    def vocabulary_facet(name, vocabulary):
        names = dict(vocabulary.choices)
        return [
            {"value": b["key"], "label": names.get(b["key"], b["key"]), "count": b["doc_count"]}
            for b in buckets(name) if b["doc_count"]
        ]

    cities = sorted(buckets("city"), key=lambda b: (-b["doc_count"], b["key"]))
    return {
        "city": [{"value": b["key"], "label": b["key"], "count": b["doc_count"]} for b in cities],
        "use_types": vocabulary_facet("use_types", UseType),
        "features": vocabulary_facet("features", Feature),
    }


def _search_on_engine(
    c: PremisesCriteria, order: str, page: int, page_size: int, *, with_facets: bool, columns: tuple[str, ...] | None,
) -> PremisesPage:
    near = c.near
    engine_sort: list = []
    if near is not None:  # the distance is read from this sort value, so it is always computed
        by_distance = {"_geo_distance": {"location": {"lat": near.lat, "lon": near.lon}, "order": "asc", "unit": "km"}}
        engine_sort.append(by_distance)
    engine_sort = {
        "distance": engine_sort,
        "relevance": [{"_score": "desc"}] + engine_sort,
        "rent": [{"rent_month_eur": {"order": "asc", "missing": "_last"}}] + engine_sort,
        "area": [{"area_sqm": "desc"}] + engine_sort,
        "date": [{"created_at": "desc"}] + engine_sort,
    }[order] + [{"created_at": "desc"}, {"id": "desc"}]
    aggs = None
    if with_facets:
        aggs = {
            "city": {"terms": {"field": "city", "size": FACET_SIZE}},
            "use_types": {"terms": {"field": "use_types", "size": len(UseType.values)}},
            "features": {"terms": {"field": "features", "size": len(Feature.values)}},
        }
    count, hits, aggregations = search_kind(
        "premises", q=c.q, filters=_engine_filters(c), aggs=aggs, sort=engine_sort, offset=(page - 1) * page_size, size=page_size,
        highlight=False, require_text=False, source=False,
    )
    ids = [hit.id for hit in hits]
    page_rows = Premises.objects.public().order_by()  # in the engine's order below, not sorted again
    if columns:
        rows = {row["id"]: row for row in page_rows.filter(pk__in=ids).values("id", *columns)}
    else:
        rows = page_rows.select_related("lister").in_bulk(ids)
    items = []
    for hit in hits:
        item = rows.get(hit.id)
        if item is None:  # deleted or withdrawn a moment ago; the index follows after commit
            continue
        if columns:
            item["distance_km"] = hit.distance_km
        else:
            item.distance_km = hit.distance_km
        items.append(item)
    facets = _engine_facets(aggregations) if with_facets else {}
    return PremisesPage(count=count, items=items, page=page, page_size=page_size, facets=facets, near=c.near)


def _search_on_database(c: PremisesCriteria, order: str, page: int, page_size: int, *, with_facets: bool) -> PremisesPage:
    """The same search on the database, while the engine is away."""
    qs = _filtered(c)
    count = qs.count()
    distance = ["distance"] if c.near is not None else []
    ordering = {
        "distance": distance,
        "relevance": distance,  # the database has no relevance: nearest or newest first
        "rent": [F("rent_month_eur").asc(nulls_last=True), *distance],
        "area": ["-area_sqm", *distance],
        "date": ["-created_at"],
    }[order] + ["-created_at", "-id"]
    start = (page - 1) * page_size
    items = list(qs.select_related("lister").order_by(*ordering)[start:start + page_size])
    for item in items:
        distance = getattr(item, "distance", None)
        item.distance_km = round(distance, 1) if distance is not None else None
    facets = premises_facets(qs) if with_facets else {}
    return PremisesPage(count=count, items=items, page=page, page_size=page_size, facets=facets, near=c.near)


def premises_facets(qs: QuerySet[Premises]) -> dict[str, list[dict]]:
    """Counts per municipality, use type and feature within ``qs`` (two queries)."""
    cities = (
        qs.order_by().values("city").annotate(n=Count("id")).order_by("-n", "city")
    )
    aggregates = {}
    for name, vocabulary in (("use_types", UseType), ("features", Feature)):
        for code in vocabulary.values:
            aggregates[f"{name}__{code}"] = Count("id", filter=json_list_contains(name, code))
    counts = qs.order_by().aggregate(**aggregates)

    def vocabulary_facet(name, vocabulary):
        entries = [
            {"value": code, "label": label, "count": counts[f"{name}__{code}"]}
            for code, label in vocabulary.choices
            if counts[f"{name}__{code}"]
        ]
        return sorted(entries, key=lambda entry: -entry["count"])

    return {
        "city": [{"value": row["city"], "label": row["city"], "count": row["n"]} for row in cities],
        "use_types": vocabulary_facet("use_types", UseType),
        "features": vocabulary_facet("features", Feature),
    }


def premises_map_markers(*, limit: int = MAX_MARKERS, **filters) -> list[dict]:
    """Markers for the map: public fields only (never the contact address)."""
    qs = _filtered(PremisesCriteria(**filters)).order_by("-created_at", "-id")[:limit]
    return [
        {
            "id": row["id"],
            "title": row["title"],
            "city": row["city"],
            "lat": row["latitude"],
            "lon": row["longitude"],
            "area_sqm": float(row["area_sqm"]),
            "rent_month_eur": float(row["rent_month_eur"]) if row["rent_month_eur"] is not None else None,
            "url": Premises(pk=row["id"]).get_absolute_url(),
        }
        for row in qs.values("id", "title", "city", "latitude", "longitude", "area_sqm", "rent_month_eur")
    ]


def premises_get_public(*, pk: int) -> Premises | None:
    """One public listing with its gallery, or None (drafts, let and expired ones stay hidden)."""
    return (
        Premises.objects.public()
        .select_related("lister", "floor_plan")
        .prefetch_related("gallery_images__image")
        .filter(pk=pk)
        .first()
    )
