"""CSV import of support offers (contract: ``import_offers FILE [--dry-run]``).

All or nothing: every row is checked first and one bad row writes nothing. Idempotent by
``external_id``: a known id updates its offer, an unchanged row leaves it alone. Providers are
partner organisations by name and are created when missing. The importer is trusted, so imported
offers are published (approved) directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from common.vocabularies import OfferCost, SeekerKind, Stage, SupportCategory
from partners.models import Partner, SupportOffer
from partners.regions import parse_region
from premises.services import RowError, open_csv

COLUMNS = [
    "external_id", "provider", "title", "description", "categories", "target_groups", "stages", "region",
    "cost", "url", "contact_email",
]
REQUIRED_COLUMNS = ["external_id", "provider", "title", "categories", "target_groups", "region"]
# Fields an import sets; an offer whose values equal these is left untouched on re-import.
IMPORTED_FIELDS = [
    "title", "description", "categories", "target_groups", "stages", "statewide", "municipalities", "cost", "url",
    "contact_email",
]


@dataclass
class OfferImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_partners: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        if self.errors:
            return (
                f"{len(self.errors)} Fehler in {len({e.line for e in self.errors})} Zeilen – "
                "es wurde nichts gespeichert."
            )
        verb = "würden" if self.dry_run else "wurden"
        text = (
            f"{self.rows} Zeilen geprüft: {self.created} Angebote {verb} neu angelegt, {self.updated} aktualisiert, "
            f"{self.unchanged} unverändert."
        )
        if self.new_partners:
            text += f" Neue Anbieter: {', '.join(self.new_partners)}."
        return text


def _split(text: str) -> list[str]:
    items = []
    for part in text.split(";"):
        part = part.strip()
        if part and part not in items:
            items.append(part)
    return items


def _codes(raw: str, vocabulary, column: str, noun: str, err) -> list[str]:
    codes = _split(raw)
    for code in codes:
        if code not in vocabulary.values:
            err(column, f"Unbekannte {noun} „{code}“ (erlaubt: {', '.join(vocabulary.values)}).")
    return codes


def _clean(raw: dict[str, str], line: int, errors: list[RowError]) -> dict | None:
    start = len(errors)

    def err(column, reason):
        errors.append(RowError(line, column, reason))

    for column in REQUIRED_COLUMNS:
        if not (raw.get(column) or "").strip():
            err(column, "Pflichtangabe fehlt.")
    values = {name: (raw.get(name) or "").strip() for name in ("external_id", "provider", "title", "description")}
    for name, limit in (("external_id", 100), ("provider", 200), ("title", 255)):
        if len(values[name]) > limit:
            err(name, f"Der Text ist länger als {limit} Zeichen.")
    values["categories"] = _codes(raw.get("categories") or "", SupportCategory, "categories", "Kategorie", err)
    values["target_groups"] = _codes(raw.get("target_groups") or "", SeekerKind, "target_groups", "Zielgruppe", err)
    values["stages"] = _codes(raw.get("stages") or "", Stage, "stages", "Phase", err)

    region_raw = (raw.get("region") or "").strip()
    if region_raw:
        region = parse_region(_split(region_raw))
        for reason in region.errors:
            err("region", reason)
        values["statewide"], values["municipalities"] = region.statewide, region.municipalities

    cost = (raw.get("cost") or "").strip()
    if cost and cost not in OfferCost.values:
        err("cost", f"Unbekannte Kostenart „{cost}“ (erlaubt: {', '.join(OfferCost.values)}).")
    values["cost"] = cost

    url = (raw.get("url") or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            err("url", f"„{url}“ ist keine gültige Web-Adresse (http:// oder https://).")
    values["url"] = url
    email = (raw.get("contact_email") or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            err("contact_email", f"„{email}“ ist keine gültige E-Mail-Adresse.")
    values["contact_email"] = email
    return values if len(errors) == start else None


def offers_import(*, source, dry_run: bool = False) -> OfferImportReport:
    """Validate an offers CSV and, when every row is valid, write it in one transaction.

    ``source`` is text, bytes or a file object; raises UnicodeDecodeError for files that are not UTF-8.
    """
    report = OfferImportReport(dry_run=dry_run)
    errors = report.errors
    reader, header = open_csv(source, required=REQUIRED_COLUMNS, allowed=COLUMNS, errors=errors)
    if errors:
        return report

    rows = []
    first_line: dict[str, int] = {}
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
        values = _clean(dict(zip(header, cells, strict=True)), line, errors)
        external_id = cells[header.index("external_id")].strip()
        if external_id and external_id in first_line:
            errors.append(RowError(
                line, "external_id",
                f"Die externe ID „{external_id}“ kommt mehrfach vor (zuerst in Zeile {first_line[external_id]}).",
            ))
            continue
        if external_id:
            first_line[external_id] = line
        if values is not None:
            rows.append(values)
    if errors:
        return report

    with transaction.atomic():
        _write(rows, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _provider(name: str, cache: dict, report: OfferImportReport) -> Partner:
    key = name.casefold()
    if key not in cache:
        partner = Partner.objects.filter(name__iexact=name).first()
        if partner is None:
            partner = Partner.objects.create(name=name)
            report.new_partners.append(name)
        cache[key] = partner
    return cache[key]


def _write(rows: list[dict], report: OfferImportReport) -> None:
    existing = {o.external_id: o for o in SupportOffer.objects.filter(external_id__in=[r["external_id"] for r in rows])}
    providers: dict[str, Partner] = {}
    for values in rows:
        provider = _provider(values["provider"], providers, report)
        offer = existing.get(values["external_id"])
        if offer is None:
            offer = SupportOffer(external_id=values["external_id"])
            report.created += 1
        elif (
            offer.provider_id == provider.pk and offer.live and not offer.has_unpublished_changes
            and all(getattr(offer, name) == values[name] for name in IMPORTED_FIELDS)
        ):
            report.unchanged += 1
            continue
        else:
            report.updated += 1
        offer.provider = provider
        for name in IMPORTED_FIELDS:
            setattr(offer, name, values[name])
        offer.live = True
        offer.save()
        # Trusted source: publish straight away, so the admin's latest revision is the imported one.
        offer.save_revision(clean=False).publish(skip_permission_checks=True)
