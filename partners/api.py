"""GET /api/v1/offers (contract): approved, current support offers with exact filters and facets."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from config.api import MAX_PAGE, ApiInputError
from partners.forms import OfferFilterForm
from partners.selectors import offers_search

router = Router(tags=["Unterstützungsangebote"])


class FacetOut(Schema):
    value: str
    label: str
    count: int


class OfferFacetsOut(Schema):
    categories: list[FacetOut]
    target_groups: list[FacetOut]
    provider: list[FacetOut]


class OfferOut(Schema):
    id: int
    external_id: str | None
    title: str
    provider: str
    categories: list[str]
    target_groups: list[str]
    stages: list[str]
    statewide: bool
    municipalities: list[str]
    cost: str
    url: str


class OfferListOut(Schema):
    count: int
    results: list[OfferOut]
    facets: OfferFacetsOut


@router.get("", response=OfferListOut, summary="Unterstützungsangebote suchen")
def list_offers(
    request: HttpRequest,
    q: str | None = None,
    category: list[str] = Query(None),  # noqa: B008 - ninja's way to declare a repeatable param
    target_group: list[str] = Query(None),  # noqa: B008
    stage: list[str] = Query(None),  # noqa: B008
    cost: list[str] = Query(None),  # noqa: B008
    provider: str | None = None,
    city: str | None = None,
    tag: str | None = None,
    sort: str | None = None,
    page: int = Query(1, le=MAX_PAGE),
    page_size: int = 20,
):
    """Freigegebene, gültige Angebote der Bündnispartner. `category`, `target_group`, `stage`, `cost`
    (je mehrfach): eines der angegebenen Merkmale; verschiedene Filter gelten zusammen. `city`:
    Angebote für diese Kommune und landesweite Angebote. `provider`: Name oder Kurzname des Anbieters. `tag`: ein Schlagwort.
    `q`: Volltext. `sort`: `relevance` (Vorgabe bei `q`), `title` (sonst) oder `date` (neueste zuerst).
    `page_size` höchstens 100. Unbekannte Codes, Kommunen oder Anbieter: 400."""
    form = OfferFilterForm(request.GET)
    if not form.is_valid():
        raise ApiInputError(*form.first_error())
    result = offers_search(**form.search_kwargs())
    results = [
        {
            "id": offer.pk,
            "external_id": offer.external_id,
            "title": offer.title,
            "provider": offer.provider.name,
            "categories": offer.categories,
            "target_groups": offer.target_groups,
            "stages": offer.stages,
            "statewide": offer.statewide,
            "municipalities": offer.municipalities,
            "cost": offer.cost,
            "url": request.build_absolute_uri(offer.get_absolute_url()),
        }
        for offer in result.items
    ]
    return {"count": result.count, "results": results, "facets": result.facets}
