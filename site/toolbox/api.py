"""GET /api/v1/measures and GET /api/v1/kompass (contract): the heat-toolbox catalogue and the
Kompass Leerstandsbewältigung. Unknown vocabulary codes answer 400 with the field."""

from __future__ import annotations

from django.http import HttpRequest, QueryDict
from ninja import Query, Router, Schema

from common.clients import client_address
from common.vocabularies import Level3, MeasureLevel, MeasureStrategy
from config.api import MAX_PAGE, ApiInputError
from toolbox import selectors

router = Router(tags=["Hitze-Toolbox"])
kompass_router = Router(tags=["Kompass Leerstandsbewältigung"])

MAX_PAGE_SIZE = 100


class FundingOut(Schema):
    via: str
    programme: str
    share: str


class MeasureOut(Schema):
    code: str
    title: str
    strategy: str
    level: str
    effort: str
    cost: str
    funding: list[FundingOut]
    url: str


class MeasureListOut(Schema):
    count: int
    results: list[MeasureOut]


def _check_codes(field, codes, vocabulary, label):
    for code in codes or []:
        if code not in vocabulary.values:
            raise ApiInputError(field, f"Unbekannter Wert „{code[:40]}“ für {label}. Erlaubt: {', '.join(vocabulary.values)}.")


def _check_page(page, page_size):
    if page < 1:
        raise ApiInputError("page", "Die Seite muss 1 oder größer sein.")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ApiInputError("page_size", f"Bitte eine Seitengröße zwischen 1 und {MAX_PAGE_SIZE} angeben.")


@router.get("", response=MeasureListOut, summary="Maßnahmen der Hitze-Toolbox")
def list_measures(
    request: HttpRequest,
    q: str | None = None,
    strategy: list[str] = Query(None),  # noqa: B008 - ninja's way to declare a repeatable param
    level: list[str] = Query(None),  # noqa: B008
    effort: list[str] = Query(None),  # noqa: B008
    cost: list[str] = Query(None),  # noqa: B008
    page: int = Query(1, le=MAX_PAGE),
    page_size: int = 20,
):
    """Maßnahmen nach Kürzel sortiert; `strategy`, `level`, `effort`, `cost` mehrfach angebbar
    (ein Wert je Feld genügt), `q` durchsucht Titel, Kürzel und Beschreibung."""
    _check_codes("strategy", strategy, MeasureStrategy, "Strategie")
    _check_codes("level", level, MeasureLevel, "Stufe")
    _check_codes("effort", effort, Level3, "Aufwand")
    _check_codes("cost", cost, Level3, "Kosten")
    _check_page(page, page_size)
    params = QueryDict(mutable=True)
    params.setlist("strategy", strategy or [])
    params.setlist("level", level or [])
    params.setlist("effort", effort or [])
    params.setlist("cost", cost or [])
    if q:
        if len(q) > selectors.MAX_QUERY_LENGTH:
            raise ApiInputError("q", f"Der Suchbegriff darf höchstens {selectors.MAX_QUERY_LENGTH} Zeichen lang sein.")
        params["q"] = q
    queryset = selectors.measures(measure_filter=selectors.MeasureFilter.from_querydict(params))
    count = queryset.count()
    start = (page - 1) * page_size
    results = [
        {
            "code": m.code,
            "title": m.title,
            "strategy": m.strategy,
            "level": m.level,
            "effort": m.effort,
            "cost": m.cost,
            "funding": [{"via": f.via, "programme": f.programme, "share": f.share} for f in m.funding_programmes.all()],
            "url": request.build_absolute_uri(m.url),
        }
        for m in queryset[start : start + page_size]
    ]
    return {"count": count, "results": results}


class InstrumentOut(Schema):
    code: str
    title: str
    score: int
    reasons: list[str]
    experiences: list[str]
    hurdles: list[str]


class ExampleOut(Schema):
    title: str
    url: str


class OfferOut(Schema):
    id: int
    external_id: str | None
    title: str
    provider: str


class PremisesOut(Schema):
    id: int
    external_id: str
    title: str
    city: str


class KompassOut(Schema):
    instruments: list[InstrumentOut]
    examples: list[ExampleOut]
    offers: list[OfferOut]
    premises: list[PremisesOut]


@kompass_router.get("", response=KompassOut, summary="Kompass Leerstandsbewältigung befragen")
def kompass(
    request: HttpRequest,
    town_type: str,
    problem: list[str] = Query(...),  # noqa: B008
    city: str | None = None,
):
    """Instrumente für einen Stadttyp (`town_type`) und eine oder mehrere Problemlagen (`problem`),
    bestpassende zuerst; mit `city` zusätzlich die freien Flächen dort."""
    query = selectors.KompassQuery.from_params(town_type, problem or [], city or "")
    for field_name in ("town_type", "problem"):
        if field_name in query.errors:
            raise ApiInputError(field_name, query.errors[field_name])
    if not query.town_type:
        raise ApiInputError("town_type", "Pflichtangabe fehlt.")
    if not query.problems:
        raise ApiInputError("problem", "Bitte mindestens eine Problemlage angeben.")
    result = selectors.kompass_result(query)
    selectors.count_kompass_request(query, client=client_address(request))
    return {
        "instruments": [
            {
                "code": item["entry"].instrument,
                "title": item["entry"].title,
                "score": item["score"],
                "reasons": item["reasons"],
                "experiences": item["entry"].experience_list,
                "hurdles": item["entry"].hurdle_list,
            }
            for item in result["instruments"]
        ],
        "examples": [{"title": page.title, "url": request.build_absolute_uri(page.url)} for page in result["examples"]],
        "offers": [
            {"id": o["offer"].pk, "external_id": o["offer"].external_id, "title": o["offer"].title,
             "provider": o["offer"].provider.name}
            for o in result["offers"]
        ],
        "premises": [
            {"id": p.pk, "external_id": p.external_id, "title": p.title, "city": p.city} for p in result["premises"]
        ],
    }
