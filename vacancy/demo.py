"""Demo occupancy registers of three town centres (Erfurt Altstadt, Gera Innenstadt, Altenburg
Altstadt): a few dozen units each, a target mix, soon-vacant units, past lettings, reports in the
queue and a town login. Idempotent: written through the units import and get_or_create."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from common import gazetteer
from partners.models import PartnerMembership
from premises.demo import _ensure_images
from vacancy.models import (
    ConsentChannel,
    OwnerConsent,
    SoonVacantReason,
    TargetMix,
    TargetShare,
    Unit,
    UnitUse,
    VacancyReport,
)
from vacancy.services import COLUMNS, municipality_for_city, unit_create_listing, units_import

TOWN_LOGIN = ("stadt-erfurt", "leerstand-demo")
DEMO_LOGINS = [("Stadt Erfurt – Leerstandsmanagement (nur Erfurt)", *TOWN_LOGIN)]
TOWN_GROUP = "Kommunen – Leerstandsmanagement"
TOWN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[("vacancy", f"{action}_{model}") for model in ("unit", "vacancyreport", "targetmix", "contactlogentry")
      for action in ("add", "change", "delete", "view")],
    ("premises", "add_premises"), ("premises", "change_premises"), ("premises", "view_premisesinquiry"),
    ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
]

# (town, zones with their streets, units, target mix name, zone of the mix, target shares)
TOWNS = [
    ("Erfurt", {"Altstadt": ["Marktstraße", "Michaelisstraße", "Allerheiligenstraße", "Fischmarkt"],
                "Anger": ["Anger", "Bahnhofstraße", "Schlösserstraße"]},
     36, "Altstadt", "Altstadt",
     {"retail": 35, "gastronomy": 25, "service": 15, "culture": 10, "office": 10, "studio": 5}),
    ("Gera", {"Innenstadt": ["Sorge", "Markt", "Schloßstraße", "Johannisplatz", "Heinrichstraße"]},
     30, "Innenstadt", "",
     {"retail": 30, "gastronomy": 20, "service": 20, "office": 15, "culture": 10, "coworking": 5}),
    ("Altenburg", {"Altstadt": ["Markt", "Sporenstraße", "Moritzstraße", "Brühl", "Burgstraße"]},
     28, "Altstadt", "Altstadt",
     {"retail": 30, "gastronomy": 20, "craft": 15, "service": 15, "studio": 10, "culture": 10}),
]
USES = ["retail", "retail", "retail", "service", "gastronomy", "office", "craft", "studio", "culture", "coworking"]
BUSINESSES = {
    "retail": ["Buchhandlung", "Modehaus", "Schuhhaus", "Feinkost", "Optiker", "Spielwaren", "Blumenladen"],
    "service": ["Friseursalon", "Physiotherapie", "Reisebüro", "Versicherungsbüro"],
    "gastronomy": ["Café am Eck", "Weinstube", "Bistro", "Eiscafé", "Bäckerei-Café"],
    "office": ["Architekturbüro", "Steuerkanzlei"],
    "craft": ["Goldschmiede", "Uhrmacher", "Schneiderei"],
    "studio": ["Atelier", "Fotostudio"],
    "culture": ["Galerie", "Kleinkunstbühne"],
    "coworking": ["Coworking-Space"],
}
REPORTS = {
    "Erfurt": [("Marktstraße", "61", "Seit Wochen sind die Schaufenster zugeklebt."),
               ("Michaelisstraße", "12", "Der Inhaber geht im Frühjahr in Rente.")],
    "Gera": [("Sorge", "44", "Ehemaliger Schuhladen, steht leer."),
             ("Heinrichstraße", "9", "Aushang: Laden zu vermieten.")],
    "Altenburg": [("Sporenstraße", "20", "Leeres Ladenlokal mit großem Schaufenster."),
                  ("Burgstraße", "3", "Bäckerei schließt Ende des Jahres.")],
}


def _n(text: str, modulo: int) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % modulo


def units_csv(today: date) -> str:
    """The demo registers as a contract CSV (deterministic)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for town, zones, count, _name, _zone, _shares in TOWNS:
        place = gazetteer.lookup(town)
        prefix = town[:3].upper()
        zone_names = list(zones)
        for i in range(count):
            ext = f"DEMO-{prefix}-{i + 1:03d}"
            zone = zone_names[i % len(zone_names)]
            street = zones[zone][_n(ext + "s", len(zones[zone]))]
            floor = "og" if i % 7 == 6 else ("ug" if i == 13 else "eg")
            vacant = i % 8 == 2 or i % 13 == 5  # about a sixth vacant
            use = "vacant" if vacant else USES[_n(ext + "u", len(USES))]
            if town == "Erfurt" and zone == "Altstadt" and use == "gastronomy":
                use = "retail"  # the Altstadt lacks gastronomy: the demo's target-mix story
            business = "" if vacant else f"{BUSINESSES[use][_n(ext + 'b', len(BUSINESSES[use]))]} {street.split()[0]}"
            vacant_since = (today - timedelta(days=20 + _n(ext + "d", 1000))).isoformat() if vacant and i % 4 else ""
            soon = ""
            if not vacant and i % 5 == 1:
                soon = (today + timedelta(days=30 + _n(ext + "f", 300))).isoformat()
            dlat, dlon = (_n(ext + "y", 200) - 100) / 40000, (_n(ext + "x", 200) - 100) / 25000
            writer.writerow([
                ext, town, street, str(1 + _n(ext + "h", 80)), floor, zone, use, business, vacant_since, soon,
                str(40 + _n(ext + "a", 160)), f"{place.lat + dlat:.5f}", f"{place.lon + dlon:.5f}",
            ])
    return out.getvalue()


def _town_user(erfurt):
    group, _ = Group.objects.get_or_create(name=TOWN_GROUP)
    group.permissions.set([
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in TOWN_PERMISSIONS
    ])
    if not settings.DEMO_LOGINS_ENABLED:
        return None
    username, password = TOWN_LOGIN
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={
        "is_staff": True, "email": "leerstand@erfurt.example.org", "first_name": "Stadt", "last_name": "Erfurt",
    })
    if created:
        user.set_password(password)
        user.save()
    user.groups.add(group)
    PartnerMembership.objects.get_or_create(user=user, defaults={"partner": erfurt})
    return user


def seed(command):
    today = timezone.localdate()
    report = units_import(source=units_csv(today))
    if report.errors:
        raise RuntimeError("; ".join(str(error) for error in report.errors))
    listed_ids = []
    for town, _zones, _count, name, zone, shares in TOWNS:
        municipality = municipality_for_city(town)
        if not municipality.contact_email:
            municipality.contact_name = "Citymanagement / Leerstandsmanagement"
            municipality.contact_email = f"leerstand@{municipality.slug}.example.org"
            municipality.save(update_fields=["contact_name", "contact_email"])
        prefix = f"DEMO-{town[:3].upper()}-"
        units = Unit.objects.filter(external_id__startswith=prefix)
        for unit in units.exclude(soon_vacant_from__isnull=True).filter(soon_vacant_reason=""):
            reasons = [SoonVacantReason.RETIREMENT, SoonVacantReason.LEASE_END, SoonVacantReason.SUCCESSION]
            reason = reasons[_n(unit.external_id + "r", 3)]
            Unit.objects.filter(pk=unit.pk).update(
                soon_vacant_reason=reason, takeover_possible=reason != SoonVacantReason.LEASE_END,
            )
        # Past lettings (a vacancy that ended in a new use) give the dashboard its time to let.
        for unit in units.exclude(use="vacant")[:6]:
            if not unit.uses.filter(use="vacant").exists():
                opened = today - timedelta(days=200 + _n(unit.external_id + "l", 400))
                UnitUse.objects.filter(unit=unit, ended__isnull=True, started__isnull=True).update(started=opened)
                UnitUse.objects.create(unit=unit, use="vacant", started=opened - timedelta(days=60 + _n(unit.external_id, 300)),
                                       ended=opened)
        mix, _ = TargetMix.objects.get_or_create(city=town, zone=zone, defaults={"municipality": municipality, "name": name})
        if not mix.shares.exists():
            for order, (use, percent) in enumerate(shares.items()):
                TargetShare.objects.create(mix=mix, use=use, percent=percent, sort_order=order)
        for street, number, note in REPORTS[town]:
            VacancyReport.objects.get_or_create(city=town, street=street, house_number=number, defaults={
                "municipality": municipality, "note": note,
            })
        # One vacant unit per town is already marketed, with the owner's consent on record.
        listed = units.filter(use="vacant", area_sqm__isnull=False).order_by("external_id").first()
        if listed is not None and listed.premises_id:
            listed_ids.append(listed.premises.external_id)
        elif listed is not None:
            if not listed.consents.exists():
                OwnerConsent.objects.create(unit=listed, given_by="Eigentümergemeinschaft (Demo)",
                                            given_on=today - timedelta(days=10), channel=ConsentChannel.WRITTEN)
            created = unit_create_listing(
                unit=listed, title=f"Ladenlokal {listed.address} ({listed.zone or town})", use_types=["retail", "gastronomy"],
                description=f"Leerstehendes Ladenlokal in der {listed.zone or 'Innenstadt'} von {town}, sofort verfügbar.",
                rent_month_eur=None,
            )
            listed_ids.append(created.external_id)
    _ensure_images(listed_ids)  # the premises demo's generated pictures, for the exposés
    erfurt = municipality_for_city("Erfurt")
    _town_user(erfurt)
    command.stdout.write(
        f"Leerstandskataster: {Unit.objects.filter(external_id__startswith='DEMO-').count()} Einheiten in 3 Innenstädten "
        f"({report.created} neu), {VacancyReport.objects.filter(status='received').count()} Meldungen in der Warteschlange."
    )
