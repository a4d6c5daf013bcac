"""The register kept by a town's people in the admin: a change of use extends the history; the
contact log; the demo seeds idempotently with a working town login."""

import re
from io import StringIO

import pytest
from django.test import Client

from tests.vacancy.factories import TownFactory, UnitFactory, town_user
from vacancy import demo
from vacancy.models import ContactLogEntry, Unit

pytestmark = pytest.mark.django_db


def unit_form(unit, **changes):
    data = {
        "municipality": unit.municipality_id, "external_id": unit.external_id, "street": unit.street,
        "house_number": unit.house_number, "city": unit.city, "zone": unit.zone, "floor": unit.floor,
        "area_sqm": "80", "latitude": "", "longitude": "", "use": unit.use, "business_name": unit.business_name,
        "vacant_since": "", "soon_vacant_from": "", "soon_vacant_reason": "", "owner_name": "", "owner_contact": "",
    }
    data.update(changes)
    return data


def test_a_change_of_use_in_the_admin_extends_the_history(client):
    town = TownFactory(name="Stadt Erfurt")
    unit = UnitFactory(municipality=town, use="retail", business_name="Schuhhaus Krause")
    client.force_login(town_user(town, "erfurt"))
    url = f"/admin/snippets/vacancy/unit/edit/{unit.pk}/"
    response = client.post(url, unit_form(unit, use="vacant", business_name="Schuhhaus Krause"))
    assert response.status_code == 200 and "keinen Geschäftsnamen" in response.content.decode()
    response = client.post(url, unit_form(unit, use="vacant", business_name="", vacant_since="2026-02-01"))
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.is_vacant and str(unit.vacant_since) == "2026-02-01"
    history = list(unit.uses.order_by("pk").values_list("use", "business_name", "ended"))
    assert history[0][:2] == ("retail", "Schuhhaus Krause") and str(history[0][2]) == "2026-02-01"
    assert history[1] == ("vacant", "", None)
    dossier = client.get(f"/admin/leerstand/einheit/{unit.pk}/").content.decode()
    assert "Schuhhaus Krause" in dossier and "Als Fläche anbieten" in dossier


def test_contact_log_belongs_to_the_own_town(client):
    town = TownFactory(name="Stadt Erfurt")
    unit = UnitFactory(municipality=town)
    user = town_user(town, "erfurt")
    client.force_login(user)
    response = client.post("/admin/snippets/vacancy/contactlogentry/add/", {
        "municipality": town.pk, "unit": unit.pk, "kind": "viewing", "happened_on": "2026-03-02",
        "with_whom": "Frau Roth (Interessentin)", "summary": "Besichtigung, Interesse an Café",
        "next_step": "Mietangebot einholen", "due_on": "2026-03-16",
    })
    assert response.status_code == 302
    entry = ContactLogEntry.objects.get()
    assert entry.unit == unit and entry.municipality == town
    assert "Mietangebot einholen" in client.get(f"/admin/leerstand/einheit/{unit.pk}/").content.decode()


def test_demo_seeds_idempotently_with_a_town_login(settings):
    command = type("Cmd", (), {"stdout": StringIO()})()
    demo.seed(command)
    counts = (Unit.objects.count(), Unit.objects.exclude(soon_vacant_from=None).count())
    demo.seed(command)
    assert (Unit.objects.count(), Unit.objects.exclude(soon_vacant_from=None).count()) == counts
    assert counts[0] >= 80 and counts[1] >= 6
    assert {u.city for u in Unit.objects.all()} == {"Erfurt", "Gera", "Altenburg"}
    client = Client()
    username, password = demo.TOWN_LOGIN
    assert client.login(username=username, password=password)
    page = client.get("/leerstand/dashboard/").content.decode()
    assert "Besatz und Leerstand: Erfurt" in page and "Zielmix der Altstadt" in page


def test_dashboard_counts_inquiries_and_fitting_seekers_per_listing(client):
    from tests.matching.factories import SeekerProfileFactory
    from tests.premises.factories import PremisesFactory

    town = TownFactory(name="Stadt Erfurt")
    UnitFactory(municipality=town)
    listing = PremisesFactory(title="Stadtladen am Fischmarkt", lister=town, rent_month_eur=700)
    other = PremisesFactory(title="Laden eines anderen Anbieters")
    for n in range(2):
        listing.inquiries.create(name=f"Interessent {n}", email=f"i{n}@example.org", message="Noch frei?")
    other.inquiries.create(name="Fremd", email="f@example.org", message="?")
    SeekerProfileFactory(use_types=["retail"])  # fits: retail in Erfurt, 80 m², 700 €
    SeekerProfileFactory(use_types=["office"])  # does not fit
    client.force_login(town_user(town, "erfurt"))
    page = client.get("/leerstand/dashboard/").content.decode()
    row = page[page.index("Stadtladen am Fischmarkt"):]
    row = row[:row.index("</tr>")]
    assert "<td>2</td><td>1</td>" in row.replace(" ", "").replace("\n", "")
    assert "Laden eines anderen Anbieters" not in page


def test_town_imports_its_own_units_in_the_admin(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    town = TownFactory(name="Stadt Erfurt")
    TownFactory(name="Stadt Gera")
    client.force_login(town_user(town, "erfurt"))
    header = "external_id,city,street,house_number,use,vacant_since\n"
    own = "IMP-1,Erfurt,Anger,3,vacant,2025-05-01\n"

    def upload(text, dry_run):
        data = {"file": SimpleUploadedFile("einheiten.csv", text.encode(), content_type="text/csv")}
        if dry_run:
            data["dry_run"] = "on"
        return client.post("/admin/leerstand/import/", data)

    response = upload(header + own, dry_run=True)
    assert response.status_code == 200 and "Probelauf" in response.content.decode()
    assert not Unit.objects.exists()
    response = upload(header + own + "IMP-2,Gera,Sorge,1,retail,\n", dry_run=False)
    assert response.status_code == 400 and "Die Einheit liegt in Gera, nicht in Ihrer Kommune." in response.content.decode()
    assert not Unit.objects.exists()
    response = upload(header + own, dry_run=False)
    assert response.status_code == 200 and "1 Einheiten wurden neu angelegt" in response.content.decode()
    assert Unit.objects.get().municipality == town


def test_a_town_adds_a_unit_with_its_first_history_entry(client):
    town = TownFactory(name="Stadt Erfurt")
    client.force_login(town_user(town, "erfurt"))
    assert client.get("/admin/snippets/vacancy/unit/add/").status_code == 200
    data = {
        "municipality": town.pk, "external_id": "NEU-1", "street": "Domplatz", "house_number": "4", "city": "erfurt",
        "zone": "Altstadt", "floor": "eg", "area_sqm": "95", "latitude": "", "longitude": "", "use": "gastronomy",
        "business_name": "Eiscafé Venezia", "vacant_since": "", "soon_vacant_from": "2027-09-30",
        "soon_vacant_reason": "retirement", "takeover_possible": "on", "owner_name": "", "owner_contact": "",
    }
    response = client.post("/admin/snippets/vacancy/unit/add/", data)
    assert response.status_code == 302
    unit = Unit.objects.get(external_id="NEU-1")
    assert unit.city == "Erfurt" and unit.takeover_possible
    assert list(unit.uses.values_list("use", "business_name")) == [("gastronomy", "Eiscafé Venezia")]
    response = client.post("/admin/snippets/vacancy/unit/add/", {**data, "external_id": "NEU-2", "city": "Atlantis"})
    assert response.status_code == 200 and "Ortsverzeichnis nicht bekannt" in response.content.decode()


def test_a_unit_saved_after_a_colleague_saved_it_is_refused(client):
    """Issue 21.21: two people of a town editing one unit overwrote each other silently."""
    town = TownFactory(name="Stadt Erfurt")
    unit = UnitFactory(municipality=town, use="retail", business_name="Schuhhaus Krause")
    client.force_login(town_user(town, "erfurt"))
    url = f"/admin/snippets/vacancy/unit/edit/{unit.pk}/"
    loaded = re.search(r'name="loaded_updated_at" value="([^"]+)"', client.get(url).content.decode()).group(1)
    first = client.post(url, unit_form(unit, business_name="Schuhhaus Krause & Söhne", loaded_updated_at=loaded))
    assert first.status_code == 302
    second = client.post(url, unit_form(unit, business_name="Schuhhaus Meier", loaded_updated_at=loaded))
    assert second.status_code == 200
    assert "hat jemand anderes eine neuere Fassung gespeichert" in second.content.decode()
    unit.refresh_from_db()
    assert unit.business_name == "Schuhhaus Krause & Söhne"
