"""Vacancy reports: nothing public before the owner's consent, the reporter's e-mail never shows,
double opt-in, honeypot and rate limit."""

import re
from datetime import date
from urllib.parse import urlparse

import pytest
from django.core import mail

from premises.models import Premises
from tests.vacancy.factories import TownFactory, UnitFactory, town_user
from vacancy.models import OwnerConsent, VacancyReport

SECRET = "nachbarin.geheim@example.org"
REPORT = {"city": "Erfurt", "street": "Schlösserstraße", "house_number": "17",
          "note": "Laden seit Wochen leer, Schaufenster verklebt.", "reporter_email": SECRET}


def public_pages(client, premises=None):
    urls = ["/flaechen/", "/api/v1/premises", "/api/v1/premises?city=Erfurt", "/api/v1/stats/vacancy?city=Erfurt"]
    if premises is not None:
        urls += [premises.get_absolute_url(), f"/leerstand/expose/{premises.pk}/"]
    client.logout()
    return "\n".join(client.get(url).content.decode() for url in urls)


@pytest.mark.django_db
def test_report_lands_in_queue_and_nothing_is_public_before_consent(client):
    town = TownFactory(name="Stadt Erfurt")
    response = client.post("/api/v1/vacancy-reports", REPORT, content_type="application/json")
    assert response.status_code == 201
    assert response.json() == {"id": response.json()["id"], "status": "received"}
    report = VacancyReport.objects.get()
    assert report.municipality == town and report.status == "received"
    assert "Schlösserstraße" not in public_pages(client)

    # The town checks it and merges it into the register: still nothing public.
    user = town_user(town, "erfurt")
    client.force_login(user)
    queue = client.get("/admin/snippets/vacancy/vacancyreport/").content.decode()
    assert "Schlösserstraße 17" in queue
    response = client.post(f"/admin/leerstand/meldung/{report.pk}/", {"action": "merge", "unit": ""})
    assert response.status_code == 302
    report.refresh_from_db()
    unit = report.unit
    assert report.status == "merged" and unit.is_vacant and unit.municipality == town
    assert not Premises.objects.exists()
    assert "Schlösserstraße" not in public_pages(client)

    # Listing without the owner's consent fails and writes nothing.
    client.force_login(user)
    listing = {"title": "Laden Schlösserstraße 17", "use_types": ["retail"], "area_sqm": "70"}
    response = client.post(f"/admin/leerstand/einheit/{unit.pk}/anbieten/", listing)
    assert response.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert not Premises.objects.exists() and not OwnerConsent.objects.exists()

    # With consent (who, when, how) it becomes a listing in one step.
    consent = {"consent_given_by": "Hausverwaltung Meier", "consent_given_on": "2026-01-10", "consent_channel": "written"}
    response = client.post(f"/admin/leerstand/einheit/{unit.pk}/anbieten/", {**listing, **consent})
    assert response.status_code == 302
    premises = Premises.objects.get()
    recorded = OwnerConsent.objects.get()
    assert (recorded.given_by, recorded.given_on, recorded.channel, recorded.recorded_by) == (
        "Hausverwaltung Meier", date(2026, 1, 10), "written", user)
    assert premises.is_public and premises.lister == town
    report.refresh_from_db()
    assert report.status == "listed"
    public = public_pages(client, premises)
    assert "Laden Schlösserstraße 17" in public
    assert SECRET not in public


@pytest.mark.django_db
def test_reporter_email_never_shows_and_is_used_only_after_opt_in(client):
    town = TownFactory(name="Stadt Erfurt")
    client.post("/leerstand/melden/", {**REPORT, "website": ""})
    report = VacancyReport.objects.get()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [SECRET]
    link = re.search(r"https?://\S+/leerstand/melden/bestaetigen/\S+/", mail.outbox[0].body).group(0)

    user = town_user(town, "erfurt")
    client.force_login(user)
    admin_pages = [
        "/admin/snippets/vacancy/vacancyreport/",
        f"/admin/snippets/vacancy/vacancyreport/edit/{report.pk}/",
        f"/admin/leerstand/meldung/{report.pk}/",
    ]
    for url in admin_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    # Not confirmed yet: merging sends the reporter nothing.
    client.post(f"/admin/leerstand/meldung/{report.pk}/", {"action": "merge", "unit": ""})
    assert len(mail.outbox) == 1

    client.logout()
    assert client.get(urlparse(link).path).status_code == 200  # opening the link only asks
    report.refresh_from_db()
    assert report.email_confirmed_at is None
    assert client.post(urlparse(link).path).status_code == 200
    report.refresh_from_db()
    assert report.email_confirmed_at is not None
    client.force_login(user)
    client.post(f"/admin/leerstand/meldung/{report.pk}/", {"action": "reject"})
    assert len(mail.outbox) == 2 and mail.outbox[1].to == [SECRET]
    assert "nicht weiter verfolgt" in mail.outbox[1].body
    assert client.get("/leerstand/melden/bestaetigen/falsch/").status_code == 404
    assert client.post("/leerstand/melden/bestaetigen/falsch/").status_code == 404


@pytest.mark.django_db
def test_report_merges_with_a_known_unit(client):
    town = TownFactory(name="Stadt Gera")
    known = UnitFactory(municipality=town, city="Gera", street="Sorge", house_number="44", use="retail")
    report = client.post("/api/v1/vacancy-reports", {"city": "Gera", "street": "Sorge", "house_number": "44",
                                                     "soon_vacant_from": "2099-01-31"}, content_type="application/json")
    report = VacancyReport.objects.get(pk=report.json()["id"])
    client.force_login(town_user(town, "gera"))
    page = client.get(f"/admin/leerstand/meldung/{report.pk}/").content.decode()
    assert "Bekannte Einheit an dieser Adresse" in page
    client.post(f"/admin/leerstand/meldung/{report.pk}/", {"action": "merge", "unit": known.pk})
    report.refresh_from_db()
    known.refresh_from_db()
    assert report.unit == known and str(known.soon_vacant_from) == "2099-01-31"


@pytest.mark.django_db
def test_bad_input_spam_and_flooding(client):
    TownFactory(name="Stadt Erfurt")
    response = client.post("/api/v1/vacancy-reports", {"city": "Erfurt"}, content_type="application/json")
    assert response.status_code == 422 and response.json()["errors"][0]["reason"] == "Pflichtangabe fehlt."
    response = client.post("/api/v1/vacancy-reports", {**REPORT, "reporter_email": "kein-at"},
                           content_type="application/json")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "reporter_email"
    response = client.post("/leerstand/melden/", {**REPORT, "website": "http://spam.example"})
    assert response.status_code == 400 and "leer" in response.content.decode()
    assert not VacancyReport.objects.exists()
    # The three refused attempts above do not count (a resident's typos never block the report);
    # three accepted reports within ten minutes do.
    for _ in range(3):
        response = client.post("/api/v1/vacancy-reports", {**REPORT, "reporter_email": ""},
                               content_type="application/json")
        assert response.status_code == 201
    response = client.post("/api/v1/vacancy-reports", {**REPORT, "reporter_email": ""}, content_type="application/json")
    assert response.status_code == 429  # the 4th within ten minutes
    assert VacancyReport.objects.count() == 3
    response = client.post("/leerstand/melden/", {**REPORT, "city": "Atlantis"})
    assert response.status_code == 429 and "zu viele Meldungen" in response.content.decode()
