"""GET /api/v1/stats/vacancy and POST /api/v1/vacancy-reports (contract)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import Field

from common import gazetteer
from common.clients import client_address
from config.api import ApiInputError
from vacancy.selectors import vacancy_stats
from vacancy.services import REPORTS, report_create

stats_router = Router(tags=["Leerstand"])
reports_router = Router(tags=["Leerstand"])


class VacancyStatsOut(Schema):
    units: int
    vacant: int
    vacancy_rate: float
    soon_vacant: int
    by_use: dict[str, int]
    median_vacancy_days: float | None


@stats_router.get("/vacancy", response=VacancyStatsOut, summary="Leerstandskennzahlen")
def stats_vacancy(request: HttpRequest, city: str | None = None, zone: str | None = None):
    """Kennzahlen des Besatz- und Leerstandskatasters: ohne `city` für ganz Thüringen; `zone` nur
    zusammen mit `city`. Dieselben Zahlen wie im Dashboard."""
    if zone and not city:
        raise ApiInputError("zone", "Eine Zone bitte nur zusammen mit einer Kommune (city) angeben.")
    if city and gazetteer.lookup(city) is None:
        raise ApiInputError("city", f"Die Kommune „{city}“ ist im Ortsverzeichnis nicht bekannt.")
    return vacancy_stats(city=city, zone=zone).contract()


class ReportIn(Schema):
    city: str = Field(max_length=120)
    street: str = Field(max_length=200)
    house_number: str = Field(max_length=20)
    note: str = Field("", max_length=3000)
    soon_vacant_from: date | None = None
    reporter_email: str = Field("", max_length=254)
    website: str = ""  # honeypot: people never fill it


class ReportOut(Schema):
    id: int
    status: str


@reports_router.post("", response={201: ReportOut}, summary="Leerstand melden")
def create_report(request: HttpRequest, payload: ReportIn):
    """Meldet eine leere oder bald leere Fläche. Die Meldung ist nicht öffentlich: die Kommune prüft
    sie. Eine E-Mail-Adresse (freiwillig) wird erst nach Bestätigung genutzt und nie veröffentlicht."""
    reporter = client_address(request)
    if REPORTS.reached(reporter):
        raise ApiInputError("body", "Zu viele Meldungen in kurzer Zeit. Bitte versuchen Sie es später erneut.", status=429)
    if payload.website.strip():
        raise ApiInputError("website", "Dieses Feld muss leer bleiben.")
    for name in ("city", "street", "house_number"):
        if not getattr(payload, name).strip():
            raise ApiInputError(name, "Pflichtangabe fehlt.")
    email = payload.reporter_email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ApiInputError("reporter_email", f"„{email}“ ist keine gültige E-Mail-Adresse.")
    if gazetteer.lookup(payload.city) is None:
        raise ApiInputError("city", f"Die Kommune „{payload.city}“ ist im Ortsverzeichnis nicht bekannt.")
    if payload.soon_vacant_from and payload.soon_vacant_from < date.today():
        raise ApiInputError("soon_vacant_from", "Das Datum liegt in der Vergangenheit; die Fläche steht dann schon leer.")
    report = report_create(
        city=payload.city.strip(), street=payload.street.strip(), house_number=payload.house_number.strip(),
        note=payload.note.strip(), soon_vacant_from=payload.soon_vacant_from,
        reporter_email=email,
    )
    REPORTS.count(reporter)  # only accepted reports count
    return Status(201, {"id": report.pk, "status": "received"})
