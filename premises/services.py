"""Writes of the premises register: CSV import, confirmation and expiry, inquiries.

Plain functions with keyword-only arguments, called alike by management commands, admin views,
public views and tests.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import connection, models, transaction
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from common import gazetteer
from common.ratelimit import Limit
from common.vocabularies import Feature, UseType, label_map
from premises.models import Premises, PremisesInquiry
from premises.signals import premises_changed

# --------------------------------------------------------------------------------------------
# CSV import (contract: import_premises FILE [--dry-run])
# --------------------------------------------------------------------------------------------

COLUMNS = [
    "external_id", "title", "description", "street", "postal_code", "city", "latitude", "longitude",
    "use_types", "area_sqm", "rent_month_eur", "available_from", "features", "interim_use", "contact_email",
]
REQUIRED_COLUMNS = ["external_id", "title", "city", "use_types", "area_sqm"]
BATCH_SIZE = 1000
# Germany with a little margin: coordinates outside are a typo (swapped, missing decimal point).
GERMANY_BOX = (47.0, 55.2, 5.5, 15.5)
TRUE_VALUES = {"true", "1", "ja", "yes", "wahr", "x"}
FALSE_VALUES = {"false", "0", "nein", "no", "falsch", ""}

Progress = Callable[[Iterable, int, str], Iterable]


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        if self.column:
            return f"Zeile {self.line}, Spalte „{self.column}“: {self.reason}"
        return f"Zeile {self.line}: {self.reason}"


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return (
                f"{len(self.errors)} Fehler in {len({e.line for e in self.errors})} Zeilen – "
                "es wurde nichts gespeichert."
            )
        verb = "würden" if not self.written else "wurden"
        return f"{self.rows} Zeilen geprüft: {self.created} Flächen {verb} neu angelegt, {self.updated} aktualisiert."


def _no_progress(iterable: Iterable, total: int, desc: str) -> Iterable:
    return iterable


class _RowCleaner:
    """Turns one CSV row into model values, collecting German errors per column."""

    def __init__(self):
        self._places: dict[str, gazetteer.Place | None] = {}  # one lookup per distinct city

    def place(self, city: str) -> gazetteer.Place | None:
        if city not in self._places:
            self._places[city] = gazetteer.lookup(city)
        return self._places[city]

    def clean(self, raw: dict[str, str], line: int, errors: list[RowError]) -> dict | None:
        start = len(errors)

        def err(column, reason):
            errors.append(RowError(line, column, reason))

        values = {}
        for column in REQUIRED_COLUMNS:
            if not raw.get(column, "").strip():
                err(column, "Pflichtangabe fehlt.")
        external_id = raw.get("external_id", "").strip()
        if len(external_id) > 100:
            err("external_id", "Die externe ID ist länger als 100 Zeichen.")
        values["external_id"] = external_id
        title = raw.get("title", "").strip()
        if len(title) > 255:
            err("title", "Der Titel ist länger als 255 Zeichen.")
        values["title"] = title
        values["description"] = raw.get("description", "").strip()
        street = raw.get("street", "").strip()
        if len(street) > 255:
            err("street", "Die Straße ist länger als 255 Zeichen.")
        values["street"] = street
        postal_code = raw.get("postal_code", "").strip()
        if postal_code and not (len(postal_code) == 5 and postal_code.isdigit()):
            err("postal_code", f"„{postal_code}“ ist keine Postleitzahl (fünf Ziffern).")
        values["postal_code"] = postal_code

        city = raw.get("city", "").strip()
        place = self.place(city) if city else None
        if city and place is None:
            err("city", f"Die Kommune „{city}“ ist im Ortsverzeichnis nicht bekannt.")
        values["city"] = place.name if place else city

        lat_raw, lon_raw = raw.get("latitude", "").strip(), raw.get("longitude", "").strip()
        if lat_raw or lon_raw:
            if not (lat_raw and lon_raw):
                err("longitude" if lat_raw else "latitude", "Breiten- und Längengrad bitte nur zusammen angeben.")
            else:
                lat = _number(lat_raw, "latitude", err)
                lon = _number(lon_raw, "longitude", err)
                if lat is not None and lon is not None:
                    lat, lon = float(lat), float(lon)
                    min_lat, max_lat, min_lon, max_lon = GERMANY_BOX
                    if not (min_lat <= lat <= max_lat and min_lon <= lon <= max_lon):
                        err("latitude", f"Die Koordinaten ({lat_raw}, {lon_raw}) liegen nicht in Deutschland.")
                    values.update(latitude=lat, longitude=lon, location_from_gazetteer=False)
        elif place is not None:
            values.update(latitude=place.lat, longitude=place.lon, location_from_gazetteer=True)

        values["use_types"] = _codes(raw.get("use_types", ""), UseType, "use_types", "Nutzungsart", err)
        values["features"] = _codes(raw.get("features", ""), Feature, "features", "Ausstattungsmerkmal", err)

        area_raw = raw.get("area_sqm", "").strip()
        if area_raw:
            area = _number(area_raw, "area_sqm", err)
            if area is not None:
                if area <= 0:
                    err("area_sqm", f"Die Fläche muss größer als 0 sein (angegeben: {area_raw}).")
                elif area >= Decimal("10000000"):
                    err("area_sqm", f"Die Fläche {area_raw} m² ist nicht plausibel.")
                values["area_sqm"] = area.quantize(Decimal("0.01"))
        rent_raw = raw.get("rent_month_eur", "").strip()
        values["rent_month_eur"] = None
        if rent_raw:
            rent = _number(rent_raw, "rent_month_eur", err)
            if rent is not None:
                if rent < 0:
                    err("rent_month_eur", f"Die Miete darf nicht negativ sein (angegeben: {rent_raw}).")
                elif rent >= Decimal("100000000"):
                    err("rent_month_eur", f"Die Miete {rent_raw} € ist nicht plausibel.")
                values["rent_month_eur"] = rent.quantize(Decimal("0.01"))

        available_raw = raw.get("available_from", "").strip()
        values["available_from"] = None
        if available_raw:
            try:
                values["available_from"] = date.fromisoformat(available_raw)
            except ValueError:
                err("available_from", f"„{available_raw}“ ist kein gültiges Datum (erwartet JJJJ-MM-TT).")

        interim_raw = raw.get("interim_use", "").strip().lower()
        if interim_raw in TRUE_VALUES:
            values["interim_use"] = True
        elif interim_raw in FALSE_VALUES:
            values["interim_use"] = False
        else:
            err("interim_use", f"„{raw.get('interim_use')}“ ist kein Wahrheitswert (erwartet true oder false).")

        email = raw.get("contact_email", "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                err("contact_email", f"„{email}“ ist keine gültige E-Mail-Adresse.")
        values["contact_email"] = email
        return values if len(errors) == start else None


def _number(text: str, column: str, err) -> Decimal | None:
    cleaned = text.replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # German decimal comma
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        err(column, f"„{text}“ ist keine Zahl.")
        return None
    if not value.is_finite():
        err(column, f"„{text}“ ist keine Zahl.")
        return None
    return value


def _codes(text: str, vocabulary, column: str, noun: str, err) -> list[str]:
    codes = []
    for code in (part.strip() for part in text.split(";")):
        if code and code not in codes:
            codes.append(code)
    known = label_map(vocabulary)
    unknown = [code for code in codes if code not in known]
    for code in unknown:
        err(column, f"Unbekannte {noun} „{code}“ (erlaubt: {', '.join(vocabulary.values)}).")
    return codes


def _read_text(source) -> str:
    data = source.read() if hasattr(source, "read") else source
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    return data.lstrip("\ufeff")


def open_csv(source, *, required, allowed, errors: list[RowError]):
    """A CSV reader positioned after a checked header row, and the header; every header problem
    (empty file, missing or unknown or repeated column) goes to ``errors`` as a line-1 RowError.
    Shared by every importer of the contract's CSV files."""
    reader = csv.reader(io.StringIO(_read_text(source), newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        errors.append(RowError(1, "", "Die Datei ist leer; erwartet wird eine Kopfzeile mit den Spaltennamen."))
        return reader, []
    for column in required:
        if column not in header:
            errors.append(RowError(1, column, "Die Pflichtspalte fehlt in der Kopfzeile."))
    for column in header:
        if column not in allowed:
            errors.append(RowError(1, column, f"Unbekannte Spalte (erlaubt: {', '.join(allowed)})."))
    if len(set(header)) != len(header):
        errors.append(RowError(1, "", "Ein Spaltenname kommt in der Kopfzeile mehrfach vor."))
    return reader, header


def premises_import(
    *,
    source,
    dry_run: bool = False,
    lister=None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Validate a premises CSV (contract columns) and, when every row is valid, write it.

    All or nothing: one bad row and nothing is written. Idempotent by ``external_id``: a known id
    updates its listing, which also counts as the lister's confirmation. With ``lister`` (an
    import by one partner's people) new listings belong to that partner and listings of another
    partner cannot be overwritten. ``source`` is text, bytes or a file object. Raises
    UnicodeDecodeError for files that are not UTF-8.
    """
    progress = progress or _no_progress
    now = now or timezone.now()
    report = ImportReport(dry_run=dry_run)
    errors = report.errors

    reader, header = open_csv(source, required=REQUIRED_COLUMNS, allowed=COLUMNS, errors=errors)
    if errors:
        return report

    records = []  # (line, raw cells)
    previous_end = reader.line_num
    for cells in reader:
        line = previous_end + 1
        previous_end = reader.line_num
        if not cells or all(not cell.strip() for cell in cells):
            continue
        records.append((line, cells))
    report.rows = len(records)

    cleaner = _RowCleaner()
    rows = []  # (line, values)
    first_line: dict[str, int] = {}
    for line, cells in progress(records, len(records), "Prüfen"):
        if len(cells) != len(header):
            errors.append(RowError(line, "", f"Die Zeile hat {len(cells)} statt {len(header)} Felder."))
            continue
        values = cleaner.clean(dict(zip(header, cells, strict=True)), line, errors)
        external_id = (values or {}).get("external_id") or cells[header.index("external_id")].strip()
        if external_id in first_line:
            errors.append(RowError(
                line, "external_id",
                f"Die externe ID „{external_id}“ kommt mehrfach vor (zuerst in Zeile {first_line[external_id]}).",
            ))
            continue
        if external_id:
            first_line[external_id] = line
        if values is not None:
            rows.append((line, values))

    existing = _existing(list(first_line))
    lister_id = lister.pk if lister is not None else None
    for line, values in rows:
        known = existing.get(values["external_id"])
        if known and lister_id is not None and known["lister_id"] != lister_id:
            errors.append(RowError(
                line, "external_id",
                f"Die Fläche „{values['external_id']}“ gehört einer anderen Organisation "
                "und kann nicht geändert werden.",
            ))
    report.created = sum(1 for _, values in rows if values["external_id"] not in existing)
    report.updated = len(rows) - report.created
    errors.sort(key=lambda e: (e.line, COLUMNS.index(e.column) if e.column in COLUMNS else -1))
    if errors or dry_run:
        return report

    _write(rows, existing, lister_id, now, progress)
    report.written = True
    return report


def _existing(external_ids: list[str]) -> dict[str, dict]:
    """Stored values of the listings with these ids, to tell new, changed and unchanged rows apart."""
    found = {}
    for start in range(0, len(external_ids), 900):
        chunk = external_ids[start:start + 900]
        for row in Premises.objects.filter(external_id__in=chunk).values("id", "lister_id", *COMPARED_FIELDS):
            found[row["external_id"]] = row
    return found


COMPARED_FIELDS = [
    "external_id", "title", "description", "street", "postal_code", "city", "latitude", "longitude",
    "location_from_gazetteer", "use_types", "area_sqm", "rent_month_eur", "available_from", "features",
    "interim_use", "contact_email", "status",
]
UPDATED_FIELDS = [*COMPARED_FIELDS[1:], "confirmed_at", "updated_at"]


# Fields whose checked values go to the database as they are (text, numbers, flags, ids).
_PLAIN_FIELDS = (models.CharField, models.TextField, models.FloatField, models.BooleanField, models.ForeignKey)


def _db_value(field) -> Callable:
    """``field.get_db_prep_save`` for many rows, cheaper: the cleaner's plain values pass as they
    are, and a hashable value (every row's timestamps are the same ``now``, areas repeat) is
    prepared once. At 100,000 rows the per-cell calls were a fifth of the import."""
    if isinstance(field, _PLAIN_FIELDS):
        return lambda value: value
    prepared: dict = {}

    def prepare(value):
        try:
            return prepared[value]
        except KeyError:
            prepared[value] = result = field.get_db_prep_save(value, connection)
            return result
        except TypeError:  # a list (JSON): not hashable
            return field.get_db_prep_save(value, connection)

    return prepare


def _update_rows(batch: list[Premises]) -> None:
    """One parametrised UPDATE per row via executemany: bulk_update's CASE expressions cost
    minutes at 100,000 rows, this costs seconds on SQLite and PostgreSQL alike."""
    fields = [Premises._meta.get_field(name) for name in UPDATED_FIELDS]
    table = connection.ops.quote_name(Premises._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
    prepare = [_db_value(f) for f in fields]
    params = [[p(getattr(obj, f.attname)) for f, p in zip(fields, prepare, strict=True)] + [obj.pk] for obj in batch]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", params)


def _insert_rows(batch: list[dict]) -> None:
    """One parametrised INSERT per row via executemany, like ``_update_rows``, from plain dicts:
    model instances and bulk_create's compiled 1000-row statements were most of the import's
    own time. Columns a row does not name get the field's default."""
    fields = [f for f in Premises._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    table = connection.ops.quote_name(Premises._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    prepare = [(f.attname, _db_value(f)) for f in fields]
    params = [[p(row.get(name, defaults[name])) for name, p in prepare] for row in batch]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", params)


def _write(rows, existing, lister_id, now, progress):
    new, changed, unchanged_ids = [], [], []
    for _, values in rows:
        known = existing.get(values["external_id"])
        if known is None:
            new.append({
                **values, "lister_id": lister_id, "status": Premises.Status.PUBLISHED, "confirmed_at": now,
                "created_at": now, "updated_at": now,
            })
            continue
        status = known["status"]
        if status == Premises.Status.EXPIRED:
            status = Premises.Status.PUBLISHED  # supplied again = still on offer
        if all(values[name] == known[name] for name in values) and status == known["status"]:
            unchanged_ids.append(known["id"])  # only the confirmation date moves
            continue
        changed.append(Premises(
            pk=known["id"], **values, lister_id=known["lister_id"], status=status, confirmed_at=now, updated_at=now,
        ))
    batches = [("create", new[i:i + BATCH_SIZE]) for i in range(0, len(new), BATCH_SIZE)]
    batches += [("update", changed[i:i + BATCH_SIZE]) for i in range(0, len(changed), BATCH_SIZE)]
    batches += [("confirm", unchanged_ids[i:i + 900]) for i in range(0, len(unchanged_ids), 900)]
    with transaction.atomic():
        for kind, batch in progress(batches, len(batches), "Schreiben"):
            if kind == "create":
                _insert_rows(batch)
            elif kind == "update":
                _update_rows(batch)
            else:
                Premises.objects.filter(pk__in=batch).update(confirmed_at=now, updated_at=now)
        external_ids = [values["external_id"] for _, values in rows]
        transaction.on_commit(lambda: premises_changed.send(sender=Premises, external_ids=external_ids))


# --------------------------------------------------------------------------------------------
# Lifecycle: confirmation and expiry
# --------------------------------------------------------------------------------------------

EXPIRE_AFTER_DAYS = 90


def premises_confirm(*, premises: Premises, now: datetime | None = None) -> Premises:
    """The lister says the listing is still current; an expired listing is published again."""
    premises.confirmed_at = now or timezone.now()
    fields = ["confirmed_at", "updated_at"]
    if premises.status == Premises.Status.EXPIRED:
        premises.status = Premises.Status.PUBLISHED
        fields.append("status")
    premises.save(update_fields=fields)
    premises_changed.send(sender=Premises, external_ids=[premises.external_id])
    return premises


def premises_lister_email(premises: Premises) -> str:
    """Where mail about a listing goes: its contact address, else its lister's contact."""
    if premises.contact_email:
        return premises.contact_email
    if premises.lister_id and premises.lister.contact_email:
        return premises.lister.contact_email
    return ""


def premises_expire_unconfirmed(*, now: datetime | None = None, days: int = EXPIRE_AFTER_DAYS) -> list[Premises]:
    """Listings not confirmed for ``days`` days expire; each lister gets one German e-mail.

    Public listings only (drafts and let listings are not on offer anyway). A listing never
    confirmed counts from its creation.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=days)
    stale = list(
        Premises.objects.public()
        .annotate(last_confirmed=Coalesce("confirmed_at", "created_at"))
        .filter(last_confirmed__lt=cutoff)
        .select_related("lister")
        .order_by("city", "title")
    )
    if not stale:
        return []
    Premises.objects.filter(pk__in=[p.pk for p in stale]).update(status=Premises.Status.EXPIRED, updated_at=now)
    by_recipient: dict[str, list[Premises]] = {}
    for premises in stale:
        premises.status = Premises.Status.EXPIRED
        recipient = premises_lister_email(premises)
        if recipient:
            by_recipient.setdefault(recipient, []).append(premises)
    for recipient, listings in by_recipient.items():
        _send_expiry_mail(recipient, listings, days)
    premises_changed.send(sender=Premises, external_ids=[p.external_id for p in stale])
    return stale


def _admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _send_expiry_mail(recipient: str, listings: list[Premises], days: int) -> None:
    lines = [
        "Guten Tag,",
        "",
        f"die folgenden Flächen wurden seit {days} Tagen nicht bestätigt und sind deshalb abgelaufen. "
        "Sie werden auf der Plattform „Innenstädte mit Zukunft“ nicht mehr angezeigt:",
        "",
    ]
    for premises in listings:
        lines.append(f"- {premises.title} ({premises.city}), ID {premises.external_id}")
        lines.append(f"  Bestätigen: {_admin_url('wagtailsnippets_premises_premises:edit', premises.pk)}")
    lines += [
        "",
        "Ist eine Fläche noch frei, bestätigen Sie sie bitte im Verwaltungsbereich (Schaltfläche "
        "„Als aktuell bestätigen“); sie wird dann wieder veröffentlicht. Ist sie vermietet, setzen Sie "
        "den Status bitte auf „vermietet“.",
        "",
        "Mit freundlichen Grüßen",
        "Ihr Team von „Innenstädte mit Zukunft“",
    ]
    subject = (
        f"Ihre Fläche „{listings[0].title}“ ist abgelaufen"
        if len(listings) == 1
        else f"{len(listings)} Ihrer Flächen sind abgelaufen"
    )
    EmailMessage(subject=subject, body="\n".join(lines), to=[recipient]).send()


# --------------------------------------------------------------------------------------------
# Inquiries
# --------------------------------------------------------------------------------------------

INQUIRIES = Limit("premises-inquiry", limit=5, window_seconds=60)  # attempts per client address and minute


def premises_inquiry_create(
    *, premises: Premises, name: str, email: str, message: str, phone: str = ""
) -> PremisesInquiry:
    """Store a visitor's inquiry and mail it to the listing's contact (never shown publicly)."""
    inquiry = PremisesInquiry.objects.create(premises=premises, name=name, email=email, phone=phone, message=message)
    recipient = premises_lister_email(premises)
    if recipient:
        body = "\n".join([
            "Guten Tag,",
            "",
            f"zu Ihrer Fläche „{premises.title}“ ({premises.city}, ID {premises.external_id}) ist über die "
            "Plattform „Innenstädte mit Zukunft“ eine Anfrage eingegangen:",
            "",
            f"Name: {name}",
            f"E-Mail: {email}",
            f"Telefon: {phone or '–'}",
            "",
            message,
            "",
            "Sie können direkt auf diese E-Mail antworten. Alle Anfragen finden Sie auch im Verwaltungsbereich:",
            _admin_url("wagtailsnippets_premises_premisesinquiry:list"),
        ])
        EmailMessage(
            subject=f"Anfrage zu Ihrer Fläche „{premises.title}“", body=body, to=[recipient], reply_to=[email]
        ).send()
        inquiry.mailed_to_contact = True
        inquiry.save(update_fields=["mailed_to_contact"])
    return inquiry

