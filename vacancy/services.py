"""Writes of vacancy management: the units import, use changes with history, a vacant unit turned
into a listing (only with the owner's consent), vacancy reports with double opt-in, the contact log.

Plain functions with keyword-only arguments, called by the command, admin views, the API and tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common import gazetteer
from common.ratelimit import Limit
from common.vocabularies import UseType
from partners.models import Partner
from premises.models import Premises
from premises.services import GERMANY_BOX, RowError, _number, open_csv
from premises.signals import premises_changed
from vacancy.models import VACANT, Floor, OwnerConsent, Unit, UnitUse, VacancyReport

# --------------------------------------------------------------------------------------------
# Towns
# --------------------------------------------------------------------------------------------


def municipality_for_city(city: str, *, create: bool = True) -> Partner | None:
    """The town (partner) that receives a gazetteer city's reports and units: the municipality
    whose ``town`` the office set to it. Never by name: a partner that renames itself "Erfurt"
    receives nothing. With ``create`` an unknown town is added as "Stadt <Name>" ("Kommune <Name>"
    when another organisation has that name)."""
    city = (city or "").strip()
    if not city:
        return None
    town = Partner.objects.filter(kind=Partner.Kind.MUNICIPALITY, town__iexact=city).order_by("pk").first()
    if town is None and create:
        town, created = Partner.objects.get_or_create(
            name=f"Stadt {city}", defaults={"kind": Partner.Kind.MUNICIPALITY, "region": city, "town": city}
        )
        if not created and (town.kind != Partner.Kind.MUNICIPALITY or town.town.casefold() not in ("", city.casefold())):
            # "Stadt <Name>" is another organisation's (an agency, another town): never route to it.
            town, _ = Partner.objects.get_or_create(
                name=f"Kommune {city}", defaults={"kind": Partner.Kind.MUNICIPALITY, "region": city, "town": city}
            )
        elif not created and not town.town:
            town.town = city
            town.save(update_fields=["town"])
    return town


# --------------------------------------------------------------------------------------------
# Use changes (every change leaves a history entry)
# --------------------------------------------------------------------------------------------


def unit_set_use(*, unit: Unit, use: str, business_name: str = "", since: date | None = None,
                 vacant_since: date | None = None) -> bool:
    """Change a unit's use (a use-type code or ``vacant``); closes the open history period and
    opens a new one. Returns False when nothing changed (re-imports stay idempotent)."""
    since = since or timezone.localdate()
    if use == VACANT:
        business_name = ""
        since = vacant_since or since
    if unit.pk and unit.use == use and unit.business_name == business_name:
        return False
    if unit.pk:
        UnitUse.objects.filter(unit=unit, ended__isnull=True).update(ended=since)
    unit.use = use
    unit.business_name = business_name
    unit.vacant_since = since if use == VACANT else None
    if use == VACANT:
        unit.soon_vacant_from = None
    unit.save()
    UnitUse.objects.create(unit=unit, use=use, business_name=business_name, started=since)
    return True


# --------------------------------------------------------------------------------------------
# CSV import (contract: import_units FILE [--dry-run])
# --------------------------------------------------------------------------------------------

COLUMNS = [
    "external_id", "city", "street", "house_number", "floor", "zone", "use", "business_name", "vacant_since",
    "soon_vacant_from", "area_sqm", "latitude", "longitude",
]
REQUIRED_COLUMNS = ["external_id", "city", "street", "house_number", "use"]
USE_CODES = [*UseType.values, VACANT]
COMPARED = ["city", "street", "house_number", "floor", "zone", "soon_vacant_from", "area_sqm", "latitude", "longitude"]


@dataclass
class UnitImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_towns: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            lines = len({e.line for e in self.errors})
            return f"{len(self.errors)} Fehler in {lines} Zeilen – es wurde nichts gespeichert."
        verb = "wurden" if self.written else "würden"
        text = (f"{self.rows} Zeilen geprüft: {self.created} Einheiten {verb} neu angelegt, {self.updated} geändert, "
                f"{self.unchanged} unverändert.")
        if self.new_towns:
            text += f" Neue Kommunen: {', '.join(self.new_towns)}."
        return text


def _iso_date(raw: str, column: str, err) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        err(column, f"„{raw}“ ist kein gültiges Datum (erwartet JJJJ-MM-TT).")
        return None


def _decimal(raw: str, column: str, err) -> Decimal | None:
    return _number(raw, column, err) if raw else None


def _clean_row(raw: dict[str, str], line: int, errors: list[RowError], places: dict) -> dict | None:
    start = len(errors)

    def err(column, reason):
        errors.append(RowError(line, column, reason))

    raw = {key: (value or "").strip() for key, value in raw.items()}
    for column in REQUIRED_COLUMNS:
        if not raw.get(column):
            err(column, "Pflichtangabe fehlt.")
    values = {"external_id": raw.get("external_id", "")}
    if len(values["external_id"]) > 100:
        err("external_id", "Die externe ID ist länger als 100 Zeichen.")
    city = raw.get("city", "")
    if city and city not in places:
        places[city] = gazetteer.lookup(city)
    place = places.get(city)
    if city and place is None:
        err("city", f"Die Kommune „{city}“ ist im Ortsverzeichnis nicht bekannt.")
    values["city"] = place.name if place else city
    for column, limit in (("street", 200), ("house_number", 20), ("zone", 120), ("business_name", 200)):
        values[column] = raw.get(column, "")
        if len(values[column]) > limit:
            err(column, f"Der Text ist länger als {limit} Zeichen.")
    floor = raw.get("floor", "").lower() or Floor.GROUND
    if floor not in Floor.values:
        err("floor", f"Unbekanntes Geschoss „{raw.get('floor')}“ (erlaubt: eg, og, ug).")
    values["floor"] = floor
    use = raw.get("use", "")
    if use and use not in USE_CODES:
        err("use", f"Unbekannte Nutzung „{use}“ (erlaubt: {', '.join(USE_CODES)}).")
    values["use"] = use
    vacant_since = _iso_date(raw.get("vacant_since", ""), "vacant_since", err)
    soon = _iso_date(raw.get("soon_vacant_from", ""), "soon_vacant_from", err)
    if use == VACANT:
        if values["business_name"]:
            err("business_name", "Ein Geschäftsname gehört nur zu genutzten Einheiten, nicht zu Leerstand.")
        if soon:
            err("soon_vacant_from", "„soon_vacant_from“ gilt nur für genutzte Einheiten; diese steht schon leer.")
    elif use and vacant_since:
        err("vacant_since", "„vacant_since“ gilt nur für leere Einheiten (use = vacant).")
    if vacant_since and vacant_since > timezone.localdate():
        err("vacant_since", f"„{vacant_since.isoformat()}“ liegt in der Zukunft.")
    values["vacant_since"] = vacant_since
    values["soon_vacant_from"] = soon
    area = _decimal(raw.get("area_sqm", ""), "area_sqm", err)
    if area is not None and not (Decimal(0) < area < Decimal(10_000_000)):
        err("area_sqm", f"Die Fläche {raw['area_sqm']} m² ist nicht plausibel.")
    values["area_sqm"] = area.quantize(Decimal("0.01")) if area is not None else None
    lat_raw, lon_raw = raw.get("latitude", ""), raw.get("longitude", "")
    values["latitude"] = values["longitude"] = None
    if lat_raw or lon_raw:
        if not (lat_raw and lon_raw):
            err("longitude" if lat_raw else "latitude", "Breiten- und Längengrad bitte nur zusammen angeben.")
        else:
            lat, lon = _decimal(lat_raw, "latitude", err), _decimal(lon_raw, "longitude", err)
            if lat is not None and lon is not None:
                min_lat, max_lat, min_lon, max_lon = GERMANY_BOX
                if not (min_lat <= lat <= max_lat and min_lon <= lon <= max_lon):
                    err("latitude", f"Die Koordinaten ({lat_raw}, {lon_raw}) liegen nicht in Deutschland.")
                values["latitude"], values["longitude"] = float(lat), float(lon)
    elif place is not None:
        values["latitude"], values["longitude"] = place.lat, place.lon
    return values if len(errors) == start else None


def unit_listing_external_id(unit: Unit) -> str:
    """The premises register's id of a unit's listing (unit ids are unique per town only)."""
    return f"LS-{unit.municipality_id}-{unit.external_id}"[:100]


def units_import(*, source, dry_run: bool = False, municipality: Partner | None = None) -> UnitImportReport:
    """Validate a units CSV (contract columns) and, when every row is valid, write it.

    All or nothing; idempotent by ``external_id`` (a re-import of the same file changes nothing and
    adds no history). Units belong to the town of their city; with ``municipality`` (an import by a
    town's people) every row must be in that town. Raises UnicodeDecodeError for non-UTF-8 files.
    """
    report = UnitImportReport(dry_run=dry_run)
    errors = report.errors
    reader, header = open_csv(source, required=REQUIRED_COLUMNS, allowed=COLUMNS, errors=errors)
    if errors:
        return report

    rows, seen, places = [], {}, {}
    previous_end = reader.line_num
    for cells in reader:
        line = previous_end + 1
        previous_end = reader.line_num
        if not cells or all(not cell.strip() for cell in cells):
            continue
        report.rows += 1
        if len(cells) != len(header):
            errors.append(RowError(line, "", f"Die Zeile hat {len(cells)} statt {len(header)} Felder."))
            continue
        values = _clean_row(dict(zip(header, cells, strict=True)), line, errors, places)
        external_id = cells[header.index("external_id")].strip()
        if external_id and external_id in seen:
            errors.append(RowError(line, "external_id",
                                   f"Die externe ID „{external_id}“ kommt mehrfach vor (zuerst in Zeile {seen[external_id]})."))
            continue
        seen[external_id] = line
        if values is not None:
            rows.append((line, values))

    towns: dict[str, Partner | None] = {}
    for _line, values in rows:
        city = values["city"]
        if city not in towns:
            towns[city] = municipality_for_city(city, create=False)
            if towns[city] is None:
                report.new_towns.append(f"Stadt {city}")
    # Ids are a town's own: a row matches a unit of the row's town only.
    existing = {
        (u.municipality_id, u.external_id): u
        for u in Unit.objects.filter(external_id__in=list(seen), municipality__in=[t for t in towns.values() if t])
    }
    for line, values in rows:
        city = values["city"]
        town = towns[city]
        if municipality is not None and (town is None or town.pk != municipality.pk):
            errors.append(RowError(line, "city", f"Die Einheit liegt in {city}, nicht in Ihrer Kommune."))
        known = existing.get((town.pk if town else None, values["external_id"]))
        if known is None:
            report.created += 1
        elif _differs(known, values):
            report.updated += 1
        else:
            report.unchanged += 1
    errors.sort(key=lambda e: (e.line, COLUMNS.index(e.column) if e.column in COLUMNS else -1))
    if errors or dry_run:
        return report
    with transaction.atomic():
        for city in list(towns):
            if towns[city] is None:
                towns[city] = municipality_for_city(city, create=True)
        for _line, values in rows:
            town = towns[values["city"]]
            _write_unit(existing.get((town.pk, values["external_id"])), values, town)
    report.written = True
    return report


def _differs(unit: Unit, values: dict) -> bool:
    if any(getattr(unit, name) != values[name] for name in COMPARED):
        return True
    if unit.use != values["use"] or unit.business_name != values["business_name"]:
        return True
    return values["use"] == VACANT and values["vacant_since"] is not None and unit.vacant_since != values["vacant_since"]


def _write_unit(unit: Unit | None, values: dict, town: Partner) -> None:
    use, business, vacant_since = values["use"], values["business_name"], values["vacant_since"]
    if unit is None:
        unit = Unit(external_id=values["external_id"], municipality=town)
    elif not _differs(unit, values):
        return
    for name in COMPARED:
        setattr(unit, name, values[name])
    if unit.pk and unit.use == use and unit.business_name == business:
        if use == VACANT and vacant_since and unit.vacant_since != vacant_since:
            unit.vacant_since = vacant_since
            UnitUse.objects.filter(unit=unit, ended__isnull=True).update(started=vacant_since)
        unit.save()
        return
    if not unit.pk:
        unit.use, unit.business_name = use, business
        unit.vacant_since = vacant_since if use == VACANT else None
        unit.save()
        UnitUse.objects.create(unit=unit, use=use, business_name=business,
                               started=vacant_since if use == VACANT else None)
        return
    unit_set_use(unit=unit, use=use, business_name=business, vacant_since=vacant_since)


# --------------------------------------------------------------------------------------------
# A vacant unit becomes a listing (only with the owner's consent)
# --------------------------------------------------------------------------------------------


class ConsentMissing(Exception):
    """A unit is to be marketed publicly without the owner's recorded consent."""


def consent_record(*, unit: Unit, given_by: str, given_on: date, channel: str, note: str = "", user=None) -> OwnerConsent:
    return OwnerConsent.objects.create(
        unit=unit, given_by=given_by, given_on=given_on, channel=channel, note=note, recorded_by=user
    )


def unit_create_listing(*, unit: Unit, title: str, use_types: list[str], description: str = "",
                        rent_month_eur: Decimal | None = None, area_sqm: Decimal | None = None,
                        features: list[str] | None = None, contact_email: str = "") -> Premises:
    """Publish a (soon) vacant unit in the premises register, in one step; the owner's consent
    must be on record. The listing belongs to the unit's town."""
    if not unit.consents.exists():
        raise ConsentMissing("Ohne Einverständnis des Eigentümers kann die Einheit nicht angeboten werden.")
    if unit.premises_id:
        return unit.premises
    area = area_sqm or unit.area_sqm
    if not area:
        raise ValueError("Bitte die Fläche in m² angeben.")
    place = gazetteer.lookup(unit.city)
    features = list(features or [])
    if unit.floor == Floor.GROUND and "ground_floor" not in features:
        features.append("ground_floor")
    premises = Premises.objects.create(
        external_id=unit_listing_external_id(unit),
        title=title,
        description=description,
        street=unit.address,
        city=unit.city,
        latitude=unit.latitude if unit.latitude is not None else place.lat,
        longitude=unit.longitude if unit.longitude is not None else place.lon,
        location_from_gazetteer=unit.latitude is None,
        use_types=use_types,
        area_sqm=area,
        rent_month_eur=rent_month_eur,
        available_from=unit.soon_vacant_from if not unit.is_vacant else None,
        features=features,
        contact_email=contact_email or unit.municipality.contact_email,
        lister=unit.municipality,
        status=Premises.Status.PUBLISHED,
        confirmed_at=timezone.now(),
    )
    unit.premises = premises
    unit.save(update_fields=["premises", "updated_at"])
    for report in unit.reports.exclude(status=VacancyReport.Status.REJECTED):
        report_set_status(report=report, status=VacancyReport.Status.LISTED)
    transaction.on_commit(lambda: premises_changed.send(sender=Premises, external_ids=[premises.external_id]))
    return premises


# --------------------------------------------------------------------------------------------
# Vacancy reports
# --------------------------------------------------------------------------------------------

# Accepted reports per client address in ten minutes; a rejected attempt (a typo) does not count.
REPORTS = Limit("vacancy-report", limit=3, window_seconds=600)


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def report_create(*, city: str, street: str, house_number: str, note: str = "",
                  soon_vacant_from: date | None = None, reporter_email: str = "") -> VacancyReport:
    """Store a public report in the town's queue; a reporter's address gets a confirmation link
    first (double opt-in) and is never shown publicly."""
    place = gazetteer.lookup(city)
    city = place.name if place else city
    report = VacancyReport.objects.create(
        municipality=municipality_for_city(city, create=False), city=city, street=street,
        house_number=house_number, note=note, soon_vacant_from=soon_vacant_from, reporter_email=reporter_email,
    )
    if reporter_email:
        link = _site_url(reverse("vacancy:report_confirm", args=[report.confirm_token]))
        body = "\n".join([
            "Guten Tag,",
            "",
            f"vielen Dank für Ihre Meldung zu {street} {house_number}, {city}.",
            "Wenn Sie erfahren möchten, was aus Ihrer Meldung wird, bestätigen Sie bitte Ihre E-Mail-Adresse:",
            "",
            link,
            "",
            "Ohne Bestätigung schreiben wir Ihnen nicht wieder. Ihre Adresse wird nie veröffentlicht.",
            "",
            "Ihr Team von „Innenstädte mit Zukunft“",
        ])
        EmailMessage(subject="Bitte bestätigen Sie Ihre E-Mail-Adresse", body=body, to=[reporter_email]).send()
    return report


def report_for_confirm_token(*, token: str) -> VacancyReport | None:
    """The report a confirmation link belongs to (only reports that gave an e-mail address)."""
    return VacancyReport.objects.filter(confirm_token=token).exclude(reporter_email="").first()


def report_confirm_email(*, report: VacancyReport) -> VacancyReport:
    if report.reporter_email and report.email_confirmed_at is None:
        report.email_confirmed_at = timezone.now()
        report.save(update_fields=["email_confirmed_at"])
    return report


def report_set_status(*, report: VacancyReport, status: str, user=None, unit: Unit | None = None) -> VacancyReport:
    """Move a report through the queue; a confirmed reporter hears of the outcome."""
    report.status = status
    if unit is not None:
        report.unit = unit
    if report.checked_at is None and status != VacancyReport.Status.RECEIVED:
        report.checked_at = timezone.now()
        report.checked_by = user
    report.save()
    if report.email_confirmed_at and status in (
        VacancyReport.Status.MERGED, VacancyReport.Status.LISTED, VacancyReport.Status.REJECTED
    ):
        outcome = {
            VacancyReport.Status.MERGED: "Die Kommune hat Ihre Meldung geprüft und in ihr Leerstandskataster übernommen.",
            VacancyReport.Status.LISTED: "Die Fläche wird jetzt mit Einverständnis des Eigentümers auf der Plattform "
                                         "angeboten.",
            VacancyReport.Status.REJECTED: "Die Kommune hat Ihre Meldung geprüft; die Fläche wird nicht weiter verfolgt.",
        }[status]
        EmailMessage(
            subject="Ihre Leerstandsmeldung",
            body=f"Guten Tag,\n\nzu Ihrer Meldung {report}:\n{outcome}\n\nIhr Team von „Innenstädte mit Zukunft“",
            to=[report.reporter_email],
        ).send()
    return report


def report_merge(*, report: VacancyReport, unit: Unit | None = None, user=None) -> Unit:
    """Attach a checked report to a known unit of its town, or add it to the register as a new
    vacant (or soon-vacant) unit."""
    if unit is None:
        town = report.municipality or municipality_for_city(report.city)
        place = gazetteer.lookup(report.city)
        unit = Unit(
            external_id=f"MELDUNG-{report.pk}", municipality=town, city=report.city, street=report.street,
            house_number=report.house_number, latitude=place.lat if place else None,
            longitude=place.lon if place else None,
        )
        if report.soon_vacant_from:
            unit.use = UseType.RETAIL  # occupied until then; the town corrects the use when it knows it
            unit.soon_vacant_from = report.soon_vacant_from
            unit.save()
            UnitUse.objects.create(unit=unit, use=unit.use)
        else:
            unit_set_use(unit=unit, use=VACANT)
    elif report.soon_vacant_from and not unit.is_vacant and not unit.soon_vacant_from:
        unit.soon_vacant_from = report.soon_vacant_from
        unit.save(update_fields=["soon_vacant_from", "updated_at"])
    report_set_status(report=report, status=VacancyReport.Status.MERGED, user=user, unit=unit)
    return unit
