"""The seeker's journey without an account: form → results → saved search with double opt-in →
manage, export, unsubscribe, delete; the cleanup of unconfirmed searches; reverse matching."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from matching.matchmaking import ListingFacts, fitting_seekers
from matching.models import SeekerAlert, SeekerProfile
from premises.models import PremisesInquiry
from tests.matching.factories import SeekerProfileFactory, SupportOfferFactory, index_all
from tests.premises.factories import PremisesFactory

pytestmark = pytest.mark.django_db

QUERY = {
    "kind": "founder", "stage": "founding", "use_types": ["retail"], "city": "Erfurt", "radius_km": "20",
    "area_min": "60", "area_max": "120", "rent_max": "1000", "features": ["shop_window"], "needs": ["business_plan"],
    "text": "Buchladen",
}


def link_from(message, path_part):
    return re.search(rf"https?://\S+{path_part}\S+", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def test_the_form_is_german_and_grouped_in_steps(client):
    page = client.get(reverse("seekers:start")).content.decode()
    for text in ("Passende Flächen und Unterstützung finden", "Über Sie", "Wo und wie groß?", "Gründerin / Gründer",
                 "Wobei brauchen Sie Unterstützung?", "Glasfaser"):
        assert text in page


def test_results_show_two_ranked_lists_with_scores_reasons_and_near_misses_last(client):
    PremisesFactory(title="Laden am Anger", features=["shop_window"], rent_month_eur=Decimal("950"))
    PremisesFactory(title="Kleiner Laden", area_sqm=Decimal("50"))
    PremisesFactory(title="Büro", use_types=["office"])
    SupportOfferFactory(title="Gründungsberatung", categories=["business_plan"])
    index_all()

    response = client.get(reverse("seekers:results"), QUERY)

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Laden am Anger") < page.index("Knapp daneben") < page.index("Kleiner Laden")
    assert "Büro" not in page.split("Passende Unterstützungsangebote")[0].split("Passende Flächen")[1]
    assert "Miete 950 € liegt im Budget" in page and "Schaufenster vorhanden" in page
    assert "10 m² kleiner als gewünscht" in page
    assert "Gründungsberatung" in page and "hilft bei: Businessplan und Gründungsberatung" in page
    assert re.search(r"Passung <strong>\d+ %</strong>", page)


def test_an_inquiry_from_the_results_opens_the_listing_inquiry_form_prefilled(client):
    premises = PremisesFactory(title="Laden am Anger")
    index_all()
    page = client.get(reverse("seekers:results"), QUERY).content.decode()
    link = re.search(rf'href="(/flaechen/{premises.pk}/\?nachricht=[^"]+#anfrage)"', page).group(1)

    detail = client.get(link.replace("&amp;", "&")).content.decode()

    assert "Buchladen" in detail.split('id="anfrage"')[1]


def test_bad_form_input_is_shown_in_german_and_nothing_breaks(client):
    response = client.get(reverse("seekers:results"), {**QUERY, "city": "Atlantis", "area_min": "viel"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Den Ort „Atlantis“ kennen wir nicht" in page
    assert "Die Fläche als Zahl angeben" in page or "Bitte Die Fläche als Zahl angeben." in page


def test_saving_a_search_needs_a_confirmed_email_address(client):
    response = client.post(reverse("seekers:save"), {**QUERY, "email": "gruenderin@example.org", "allow_contact": "on"})

    assert response.status_code == 302
    profile = SeekerProfile.objects.get()
    assert profile.email == "gruenderin@example.org" and not profile.is_confirmed and profile.allow_contact
    assert profile.city == "Erfurt" and profile.use_types == ["retail"] and profile.features == ["shop_window"]
    (message,) = mail.outbox
    assert message.to == ["gruenderin@example.org"]
    assert message.subject == "Bitte bestätigen Sie Ihre gespeicherte Suche"
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in message.body

    link = "/" + link_from(message, "/bestaetigen/")
    asked = client.get(link)  # a mail scanner opening the link confirms nothing
    assert asked.status_code == 200 and "Suche bestätigen" in asked.content.decode()
    profile.refresh_from_db()
    assert not profile.is_confirmed

    page = client.post(link, follow=True)
    profile.refresh_from_db()
    assert profile.is_active
    assert "Ihre E-Mail-Adresse ist bestätigt" in page.content.decode()


def test_a_forged_or_foreign_link_does_nothing(client):
    profile = SeekerProfileFactory(confirmed_at=None)
    assert client.get(reverse("seekers:confirm", args=["gefaelscht"])).status_code == 404
    from matching.seekers import seeker_token

    manage_token = seeker_token(profile, "manage")  # valid signature, wrong purpose
    assert client.get(reverse("seekers:confirm", args=[manage_token])).status_code == 404
    assert client.post(reverse("seekers:confirm", args=[manage_token])).status_code == 404
    profile.refresh_from_db()
    assert not profile.is_confirmed


def test_saving_with_a_bad_email_keeps_the_search_and_says_why(client):
    response = client.post(reverse("seekers:save"), {**QUERY, "email": "keine-adresse"})
    assert response.status_code == 400
    assert "Bitte eine gültige E-Mail-Adresse angeben." in response.content.decode()
    assert 'value="Buchladen"' in response.content.decode() or "Buchladen</textarea>" in response.content.decode()
    assert not SeekerProfile.objects.exists() and not mail.outbox


def _saved_and_confirmed(client):
    client.post(reverse("seekers:save"), {**QUERY, "email": "gruender@example.org"})
    confirm_mail = mail.outbox[-1]
    client.post("/" + link_from(confirm_mail, "/bestaetigen/"))
    return SeekerProfile.objects.get(email="gruender@example.org"), confirm_mail


def test_one_click_unsubscribe(client):
    profile, confirm_mail = _saved_and_confirmed(client)
    header = confirm_mail.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and "/abmelden/" in header
    unsubscribe = "/" + header.strip("<>").split("://", 1)[1].split("/", 1)[1]

    asked = client.get(unsubscribe).content.decode()  # opening the link only asks
    profile.refresh_from_db()
    assert profile.unsubscribed_at is None and "Benachrichtigungen abbestellen" in asked

    page = client.post(unsubscribe).content.decode()  # the page's button, or RFC 8058 one-click (no CSRF token)
    profile.refresh_from_db()
    assert profile.unsubscribed_at is not None
    assert "Sie erhalten keine Benachrichtigungen mehr" in page
    assert "/meine-suche/" not in page  # no way to the export or the deletion from an unsubscribe link
    assert not SeekerProfile.objects.alertable().exists()
    # RFC 8058 one-click POST from a mail client works as well (no CSRF token).
    assert client.post(unsubscribe).status_code == 200


def test_export_contains_all_the_seekers_data(client):
    profile, confirm_mail = _saved_and_confirmed(client)
    premises = PremisesFactory(title="Laden am Anger")
    PremisesInquiry.objects.create(premises=premises, name="Gina Gründer", email="gruender@example.org", message="Hallo")
    SeekerAlert.objects.create(profile=profile, sent_at=timezone.now()).premises.add(premises)
    manage = "/" + link_from(confirm_mail, "/meine-suche/")

    response = client.get(manage.rstrip("/") + "/daten.json")

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["email"] == "gruender@example.org"
    (search,) = data["saved_searches"]
    assert search["city"] == "Erfurt" and search["text"] == "Buchladen" and search["confirmed_at"]
    assert search["alerts"][0]["premises"] == ["Laden am Anger"]
    assert data["inquiries"][0]["message"] == "Hallo"


def test_deletion_removes_every_trace_of_the_seeker(client):
    profile, confirm_mail = _saved_and_confirmed(client)
    other_search = SeekerProfileFactory(email="GRUENDER@example.org")  # the same person, another search
    someone_else = SeekerProfileFactory(email="andere@example.org")
    premises = PremisesFactory()
    PremisesInquiry.objects.create(premises=premises, name="Gina", email="gruender@example.org", message="Hallo")
    PremisesInquiry.objects.create(premises=premises, name="Otto", email="andere@example.org", message="Hi")
    SeekerAlert.objects.create(profile=profile, sent_at=timezone.now()).premises.add(premises)
    SeekerAlert.objects.create(profile=other_search, sent_at=timezone.now())
    manage = "/" + link_from(confirm_mail, "/meine-suche/")

    page = client.post(manage.rstrip("/") + "/loeschen/").content.decode()

    assert "Ihre Daten sind gelöscht" in page
    assert list(SeekerProfile.objects.all()) == [someone_else]
    assert SeekerAlert.objects.count() == 0
    assert list(PremisesInquiry.objects.values_list("email", flat=True)) == ["andere@example.org"]
    for model, field in ((SeekerProfile, "email"), (PremisesInquiry, "email")):
        assert not model.objects.filter(**{f"{field}__iexact": "gruender@example.org"}).exists()
    # The links of the old mails are dead now.
    assert client.get(manage).status_code == 404


def test_unconfirmed_searches_are_deleted_after_seven_days(client):
    old = SeekerProfileFactory(confirmed_at=None)
    SeekerProfile.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=7, hours=1))
    fresh = SeekerProfileFactory(confirmed_at=None)
    SeekerProfile.objects.filter(pk=fresh.pk).update(created_at=timezone.now() - timedelta(days=6))
    confirmed = SeekerProfileFactory()
    SeekerProfile.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - timedelta(days=30))

    call_command("delete_unconfirmed_seekers", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(SeekerProfile.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}


# ---------------------------------------------------------------- reverse matching


def test_fitting_seekers_ranks_saved_searches_for_a_space_with_reasons():
    best = SeekerProfileFactory(features=["shop_window"], text="Buchladen")
    good = SeekerProfileFactory()
    near = SeekerProfileFactory(area_min=90.0)  # the space is 80 m²: 11 % too small
    SeekerProfileFactory(use_types=["office"])  # other use
    SeekerProfileFactory(rent_max=400.0)  # far over budget
    SeekerProfileFactory(confirmed_at=None)  # not confirmed
    SeekerProfileFactory(unsubscribed_at=timezone.now())
    space = ListingFacts(
        municipality="Erfurt", use_types=["retail"], area_sqm=80, rent_month_eur=700, features=["shop_window"],
        title="Ehemaliger Buchladen",
    )

    fits = fitting_seekers(space, limit=10)

    assert [f.profile for f in fits] == [best, good, near]
    assert fits[0].score == 100 and "Schaufenster vorhanden" in fits[0].reasons
    assert "Beschreibung passt zu: Buchladen" in fits[0].reasons
    assert fits[2].near_miss and "10 m² kleiner als gewünscht" in fits[2].reasons
    assert all("Miete 700 € liegt im Budget" in f.reasons for f in fits)
    assert len(fitting_seekers(space, limit=1)) == 1


def test_a_space_without_coordinates_is_placed_at_its_municipality():
    seeker = SeekerProfileFactory(city="Arnstadt", latitude=50.8345, longitude=10.9470, radius_km=10.0)
    space = ListingFacts(municipality="Arnstadt", use_types=["retail"], area_sqm=70)
    (fit,) = fitting_seekers(space)
    assert fit.profile == seeker and any(r.startswith("liegt am Wunschort") or "vom Wunschort" in r for r in fit.reasons)


def test_the_listing_admin_page_shows_the_fitting_seekers_to_leg_staff(client):
    premises = PremisesFactory(title="Laden am Anger", features=["shop_window"])
    SeekerProfileFactory(email="kontakt-ok@example.org", allow_contact=True, sector="Buchhandel")
    SeekerProfileFactory(email="kein-kontakt@example.org", allow_contact=False, sector="Mode")
    SeekerProfileFactory(email="buero@example.org", use_types=["office"], sector="Software")
    admin = get_user_model().objects.create_superuser("leg-admin", "leg@example.org", "pw")
    client.force_login(admin)

    page = client.get(reverse("wagtailsnippets_premises_premises:edit", args=[premises.pk])).content.decode()

    panel = page.split("Passende Suchende", 1)[1]
    assert "Buchhandel" in panel and "Mode" in panel and "Software" not in panel
    assert "kontakt-ok@example.org" in panel and "kein-kontakt@example.org" not in panel
    assert "Miete 600 € liegt im Budget" in panel


def test_no_more_confirmation_mails_to_an_address_with_three_pending(client):
    for _ in range(3):
        assert client.post(reverse("seekers:save"), {**QUERY, "email": "fremd@example.org"}).status_code == 302
    response = client.post(reverse("seekers:save"), {**QUERY, "email": "Fremd@example.org"})
    assert response.status_code == 400
    assert "schon mehrere Bestätigungslinks" in response.content.decode()
    assert len(mail.outbox) == 3 and SeekerProfile.objects.count() == 3


def test_the_api_says_so_in_german_when_the_search_engine_is_down(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    response = client.post("/api/v1/matches", {"kind": "founder", "use_types": ["retail"]}, content_type="application/json")
    assert response.status_code == 503
    assert response.json()["errors"][0]["field"] == "premises"
    page = client.get(reverse("seekers:results"), QUERY)
    assert page.status_code == 200 and "Die Flächensuche ist gerade nicht erreichbar" in page.content.decode()


def test_leg_staff_with_the_view_permission_see_saved_searches_read_only_and_partners_do_not(client):
    from django.contrib.auth.models import Group, Permission

    from tests.premises.factories import PartnerFactory, partner_editor

    SeekerProfileFactory(sector="Buchhandel", email="kontakt-ok@example.org", allow_contact=True)
    premises = PremisesFactory(title="Laden am Anger")
    staff = get_user_model().objects.create_user("leg-staff", "staff@example.org", "pw")
    group = Group.objects.create(name="LEG-Ansiedlung")
    group.permissions.set(Permission.objects.filter(
        content_type__app_label__in=["wagtailadmin", "matching", "premises"],
        codename__in=["access_admin", "view_seekerprofile", "change_premises", "view_premises"],
    ))
    staff.groups.add(group)
    client.force_login(staff)

    listing = client.get(reverse("wagtailsnippets_matching_seekerprofile:list"))
    assert listing.status_code == 200 and "Buchhandel" in listing.content.decode()
    assert client.get(reverse("wagtailsnippets_matching_seekerprofile:add")).status_code in (302, 403)
    panel = client.get(reverse("wagtailsnippets_premises_premises:edit", args=[premises.pk])).content.decode()
    assert "kontakt-ok@example.org" in panel.split("Passende Suchende", 1)[1]

    client.force_login(partner_editor(PartnerFactory(name="Stadt Gotha"), "gotha-person"))
    assert client.get(reverse("wagtailsnippets_matching_seekerprofile:list")).status_code in (302, 403)


def test_one_client_cannot_flood_addresses_with_saved_search_mails(client):
    # Each saved search mails a confirmation link: five per client address and hour, then a German 429.
    for n in range(5):
        assert client.post(reverse("seekers:save"), {**QUERY, "email": f"person{n}@example.org"}).status_code == 302
    response = client.post(reverse("seekers:save"), {**QUERY, "email": "opfer@example.org"})
    assert response.status_code == 429
    assert "zu viele Suchen gespeichert" in response.content.decode()
    assert len(mail.outbox) == 5 and not SeekerProfile.objects.filter(email="opfer@example.org").exists()


def test_the_inspect_view_hides_the_address_of_a_seeker_who_did_not_agree_to_contact(client):
    """Issue 21.24: the saved-search inspect view showed every seeker's e-mail address."""
    private = SeekerProfileFactory(email="kein-kontakt@example.org", allow_contact=False, sector="Mode")
    open_to_contact = SeekerProfileFactory(email="kontakt-ok@example.org", allow_contact=True, sector="Buchhandel")
    client.force_login(get_user_model().objects.create_superuser("leg-admin", "leg@example.org", "pw"))
    page = client.get(reverse("wagtailsnippets_matching_seekerprofile:inspect", args=[private.pk])).content.decode()
    assert "Mode" in page and "kein-kontakt@example.org" not in page
    assert "keine Einwilligung zur Kontaktaufnahme" in page
    page = client.get(reverse("wagtailsnippets_matching_seekerprofile:inspect", args=[open_to_contact.pk]))
    assert "kontakt-ok@example.org" in page.content.decode()
