"""GET /api/v1/premises (contract): public listings with filters, distance and facets."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from config.api import MAX_PAGE, ApiInputError, PlainOut
from premises.forms import PremisesFilterForm
from premises.models import premises_url_maker
from premises.selectors import premises_search

router = Router(tags=["Flächen"])
# What a result row shows: read as plain values, no model instances (the API's hot path).
LIST_COLUMNS = ("external_id", "title", "city", "area_sqm", "rent_month_eur")


class FacetOut(PlainOut):
    value: str
    label: str
    count: int


class FacetsOut(PlainOut):
    city: list[FacetOut]
    use_types: list[FacetOut]
    features: list[FacetOut]


class PremisesOut(PlainOut):
    id: int
    external_id: str
    title: str
    city: str
    area_sqm: float
    rent_month_eur: float | None  # None: rent on request
    distance_km: float | None = None  # only when a location (city or lat/lon) was given
    url: str


class PremisesListOut(PlainOut):
    count: int
    results: list[PremisesOut]
    facets: FacetsOut


@router.get("", response=PremisesListOut, exclude_unset=True, summary="Freie Flächen suchen")
def list_premises(
    request: HttpRequest,
    q: str | None = None,
    city: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    radius_km: float | None = None,
    use_type: list[str] = Query(None),  # noqa: B008 - ninja's way to declare a repeatable param
    feature: list[str] = Query(None),  # noqa: B008
    area_min: float | None = None,
    area_max: float | None = None,
    rent_max: float | None = None,
    interim_use: bool | None = None,
    sort: str | None = None,
    page: int = Query(1, le=MAX_PAGE),
    page_size: int = 20,
):
    """Veröffentlichte und reservierte Flächen. `city` ohne `radius_km` beschränkt auf die Kommune;
    mit `radius_km` wird im Umkreis um die Kommune (oder um `lat`/`lon`) gesucht. `distance_km` gibt
    es, sobald ein Ort angegeben ist. `use_type` (mehrfach): eine der Nutzungsarten; `feature`
    (mehrfach): alle Merkmale. `sort`: relevance, distance, rent, area oder date (ohne Angabe: Relevanz bei `q`,
    Entfernung bei einem Ort, sonst neueste zuerst). `page_size` höchstens 100."""
    form = PremisesFilterForm(request.GET)
    if not form.is_valid():
        raise ApiInputError(*form.first_error())
    result = premises_search(columns=LIST_COLUMNS, **form.search_kwargs())
    base = request.build_absolute_uri("/").rstrip("/")
    url_of = premises_url_maker()
    results = []
    for item in result.items:
        rent = item["rent_month_eur"]
        row = {
            "id": item["id"],
            "external_id": item["external_id"],
            "title": item["title"],
            "city": item["city"],
            "area_sqm": float(item["area_sqm"]),
            "rent_month_eur": float(rent) if rent is not None else None,
            "url": base + url_of(item["id"]),
        }
        if result.near is not None:
            row["distance_km"] = item["distance_km"]
        results.append(row)
    return {"count": result.count, "results": results, "facets": result.facets}
