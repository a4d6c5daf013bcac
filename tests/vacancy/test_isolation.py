"""The town isolation matrix: a town's people reach their own town's units, reports, contact log and
target mix (admin, dossier, dashboard, early warning); never another town's; editors reach all;
the public reaches none of it."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model

from tests.vacancy.factories import TownFactory, UnitFactory, target_mix, town_user
from vacancy.models import ContactLogEntry, VacancyReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns():
    erfurt, gera = TownFactory(name="Stadt Erfurt"), TownFactory(name="Stadt Gera")
    soon = date.today() + timedelta(days=60)
    objects = {}
    for town, city, street in ((erfurt, "Erfurt", "Michaelisstraße"), (gera, "Gera", "Sorgestraße")):
        unit = UnitFactory(municipality=town, city=city, street=street, use="retail", business_name=f"Laden {city}",
                           soon_vacant_from=soon)
        report = VacancyReport.objects.create(municipality=town, city=city, street=f"Meldeweg {city}", house_number="1")
        contact = ContactLogEntry.objects.create(municipality=town, unit=unit, happened_on=date.today(),
                                                 summary=f"Gespräch Eigentümer {city}", next_step="Exposé schicken")
        mix = target_mix(town, city, {"gastronomy": 20}, name=f"Mitte {city}")
        objects[city] = {"unit": unit, "report": report, "contact": contact, "mix": mix}
    users = {
        "Erfurt": town_user(erfurt, "erfurt"),
        "Gera": town_user(gera, "gera"),
        "Redaktion": get_user_model().objects.create_superuser("redaktion", "r@example.org", "pw"),
    }
    return objects, users


def urls(objects):
    unit, report, contact, mix = (objects[k] for k in ("unit", "report", "contact", "mix"))
    return {
        "unit edit": f"/admin/snippets/vacancy/unit/edit/{unit.pk}/",
        "unit dossier": f"/admin/leerstand/einheit/{unit.pk}/",
        "unit listing": f"/admin/leerstand/einheit/{unit.pk}/anbieten/",
        "report edit": f"/admin/snippets/vacancy/vacancyreport/edit/{report.pk}/",
        "report process": f"/admin/leerstand/meldung/{report.pk}/",
        "contact edit": f"/admin/snippets/vacancy/contactlogentry/edit/{contact.pk}/",
        "mix edit": f"/admin/snippets/vacancy/targetmix/edit/{mix.pk}/",
    }


@pytest.mark.parametrize("who", ["Erfurt", "Gera", "Redaktion"])
@pytest.mark.parametrize("whose", ["Erfurt", "Gera"])
def test_object_pages(client, towns, who, whose):
    objects, users = towns
    client.force_login(users[who])
    allowed = who in ("Redaktion", whose)
    for name, url in urls(objects[whose]).items():
        status = client.get(url).status_code
        if allowed:
            assert status == 200, (name, status)
        else:
            assert status in (403, 404), (name, status)


@pytest.mark.parametrize("who", ["Erfurt", "Gera", "Redaktion"])
def test_listings_dashboard_and_early_warning_show_own_town_only(client, towns, who):
    objects, users = towns
    client.force_login(users[who])
    pages = {
        "units": client.get("/admin/snippets/vacancy/unit/").content.decode(),
        "reports": client.get("/admin/snippets/vacancy/vacancyreport/").content.decode(),
        "contacts": client.get("/admin/snippets/vacancy/contactlogentry/").content.decode(),
        "warning": client.get("/leerstand/fruehwarnung/").content.decode(),
    }
    markers = {"units": "Laden {}", "reports": "Meldeweg {}", "contacts": "Gespräch Eigentümer {}",
               "warning": "Laden {}"}
    for city in ("Erfurt", "Gera"):
        visible = who in ("Redaktion", city)
        for page, marker in markers.items():
            assert (marker.format(city) in pages[page]) is visible, (page, city)
    own = client.get("/leerstand/dashboard/").content.decode()
    if who != "Redaktion":
        assert f"Besatz und Leerstand: {who}" in own
        other = "Gera" if who == "Erfurt" else "Erfurt"
        # Asking for another town's dashboard falls back to the own town.
        assert f"Besatz und Leerstand: {who}" in client.get("/leerstand/dashboard/", {"city": other}).content.decode()
        assert f"Mitte {other}" not in client.get("/leerstand/dashboard/", {"city": other}).content.decode()


def test_a_town_cannot_create_for_another_town(client, towns):
    objects, users = towns
    client.force_login(users["Erfurt"])
    page = client.get("/admin/snippets/vacancy/contactlogentry/add/").content.decode()
    assert "Stadt Erfurt" in page and "Stadt Gera" not in page and "Sorgestraße" not in page
    gera_unit = objects["Gera"]["unit"]
    response = client.post("/admin/snippets/vacancy/contactlogentry/add/", {
        "municipality": users["Gera"].partner_membership.partner.pk, "unit": gera_unit.pk, "kind": "owner_talk",
        "happened_on": "2026-01-05", "summary": "eingeschmuggelt",
    })
    assert response.status_code == 200  # the form refuses the other town's choices
    assert not ContactLogEntry.objects.filter(summary="eingeschmuggelt").exists()


def test_the_public_reaches_nothing(client, towns):
    objects, _users = towns
    for url in [*urls(objects["Erfurt"]).values(), "/leerstand/dashboard/", "/leerstand/fruehwarnung/",
                "/leerstand/dashboard.csv", "/leerstand/portfolio/"]:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    assert "Gespräch Eigentümer" not in client.get("/api/v1/stats/vacancy").content.decode()
