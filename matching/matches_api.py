"""POST /api/v1/matches (contract): a seeker's request → ranked premises and support offers with
German reasons. Types are checked by the schema (422), codes and places by the seeker form (400)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema

from config.api import ApiInputError, PlainOut
from matching.forms import SeekerForm
from matching.matchmaking import PremisesSearchUnavailable, match

router = Router(tags=["Matching"])

# Form fields that the API nests under ``location``.
LOCATION_FIELDS = {"city": "location.city", "lat": "location.lat", "lon": "location.lon"}


class LocationIn(Schema):
    city: str | None = Field(None, max_length=120, description="Name einer Kommune (Ortsverzeichnis)")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class MatchIn(Schema):
    kind: str = Field(..., description="founder, successor, digital_firm oder established")
    sector: str | None = Field(None, max_length=100)
    use_types: list[str] = Field(default_factory=list, description="Nutzungsarten; ohne sie bleibt `premises` leer")
    location: LocationIn | None = None
    radius_km: float | None = Field(None, gt=0, le=500, description="ohne Angabe: 25 km um den Ort")
    area_min: float | None = Field(None, ge=0)
    area_max: float | None = Field(None, ge=0)
    rent_max: float | None = Field(None, ge=0)
    features: list[str] = Field(default_factory=list)
    interim_use: bool = False
    needs: list[str] = Field(default_factory=list)
    stage: str | None = None
    available_by: date | None = None
    text: str | None = Field(None, max_length=2000)
    limit: int = Field(10, ge=1, le=50)


class PremisesMatchOut(PlainOut):
    id: int
    external_id: str
    title: str
    score: int = Field(..., ge=0, le=100)
    reasons: list[str]


class OfferMatchOut(PlainOut):
    id: int
    external_id: str | None
    title: str
    provider: str
    score: int = Field(..., ge=0, le=100)
    reasons: list[str]


class MatchesOut(PlainOut):
    premises: list[PremisesMatchOut]
    offers: list[OfferMatchOut]


def _form_data(payload: MatchIn) -> dict:
    data = payload.dict(exclude={"location"})
    if payload.location is not None:
        data.update({k: v for k, v in payload.location.dict().items() if v is not None})
    return {k: v for k, v in data.items() if v is not None and v != ""}


@router.post("", response=MatchesOut, summary="Passende Flächen und Unterstützungsangebote finden")
def post_matches(request: HttpRequest, payload: MatchIn):
    """Rangiert Flächen (nur mit `use_types`) und Unterstützungsangebote für ein Suchprofil, beste
    zuerst, mit `score` 0–100 und deutschen Gründen: was passt und was nicht. Knapp verfehlte
    Flächen (eine harte Bedingung um höchstens 30 % verfehlt) stehen hinter allen passenden und
    beginnen mit dem Grund „Knapp daneben“."""
    form = SeekerForm(_form_data(payload))
    if not form.is_valid():
        field, reason = form.first_error()
        raise ApiInputError(LOCATION_FIELDS.get(field, field), reason)
    try:
        result = match(form.match_request())
    except PremisesSearchUnavailable:
        raise ApiInputError("premises", "Die Flächensuche ist gerade nicht erreichbar. Bitte später erneut versuchen.",
                            status=503)
    return {
        "premises": [
            {"id": m.premises.pk, "external_id": m.premises.external_id, "title": m.premises.title,
             "score": m.score, "reasons": m.reasons}
            for m in result.premises
        ],
        "offers": [
            {"id": m.offer.pk, "external_id": m.offer.external_id, "title": m.offer.title,
             "provider": m.offer.provider.name, "score": m.score, "reasons": m.reasons}
            for m in result.offers
        ],
    }
