"""The premises register in the Wagtail admin: each partner's people manage their own listings,
uploads are checked, unconfirmed listings expire with a mail to their lister."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model

from core.models import PendingImport
from premises.models import Premises
from tests.premises.factories import PartnerFactory, PremisesFactory, partner_editor

LIST = "wagtailsnippets_premises_premises:list"
EDIT = "wagtailsnippets_premises_premises:edit"
ADD = "wagtailsnippets_premises_premises:add"


@pytest.fixture
def leg(db):
    return PartnerFactory(name="LEG Thüringen", kind="state_agency", contact_email="flaechen@leg.example")


@pytest.fixture
def jena(db):
    return PartnerFactory(name="Stadt Jena", contact_email="innenstadt@jena.example")


@pytest.fixture
def leg_client(client, leg):
    client.force_login(partner_editor(leg, "leg-person"))
    return client


@pytest.fixture
def editor_client(client, db):
    editor = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_a_partner_sees_only_its_own_listings_in_the_admin(leg_client, leg, jena):
    PremisesFactory(title="Laden der LEG", lister=leg)
    PremisesFactory(title="Laden der Stadt Jena", lister=jena)

    page = leg_client.get(reverse(LIST)).content.decode()
    searched = leg_client.get(reverse(LIST), {"q": "Laden"}).content.decode()

    assert "Laden der LEG" in page and "Laden der LEG" in searched
    assert "Laden der Stadt Jena" not in page and "Laden der Stadt Jena" not in searched


@pytest.mark.django_db
def test_a_partner_cannot_open_or_change_another_partners_listing(leg_client, jena):
    foreign = PremisesFactory(title="Laden der Stadt Jena", lister=jena)

    response = leg_client.get(reverse(EDIT, args=[foreign.pk]))
    leg_client.post(reverse(EDIT, args=[foreign.pk]), {"title": "Übernommen"})

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Laden der Stadt Jena"


@pytest.mark.django_db
def test_alliance_editors_see_every_listing(editor_client, leg, jena):
    PremisesFactory(title="Laden der LEG", lister=leg)
    PremisesFactory(title="Laden der Stadt Jena", lister=jena)

    page = editor_client.get(reverse(LIST)).content.decode()

    assert "Laden der LEG" in page and "Laden der Stadt Jena" in page


def listing_form(**overrides):
    data = {
        "title": "Neue Fläche am Markt",
        "external_id": "LEG-NEU-1",
        "description": "Ladenfläche mit Schaufenster.",
        "use_types": ["retail"],
        "area_sqm": "75",
        "rent_month_eur": "700",
        "street": "Markt 3",
        "postal_code": "07743",
        "city": "Jena",
        "latitude": "",
        "longitude": "",
        "status": "published",
        "contact_email": "vermietung@leg.example",
        "gallery_images-TOTAL_FORMS": "0",
        "gallery_images-INITIAL_FORMS": "0",
        "gallery_images-MIN_NUM_FORMS": "0",
        "gallery_images-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_a_listing_created_by_a_partner_belongs_to_that_partner(leg_client, leg, jena):
    response = leg_client.post(reverse(ADD), listing_form(lister=str(jena.pk)))

    assert response.status_code == 302, response.content.decode()[:2000]
    listing = Premises.objects.get(external_id="LEG-NEU-1")
    assert listing.lister == leg
    assert listing.location_from_gazetteer  # no coordinates given: Jena's centre


@pytest.mark.django_db
def test_an_unknown_municipality_is_refused_in_the_admin_form(leg_client):
    response = leg_client.post(reverse(ADD), listing_form(city="Atlantis"))

    assert response.status_code == 200
    assert "Die Kommune „Atlantis“ ist im Ortsverzeichnis nicht bekannt." in response.content.decode()
    assert not Premises.objects.exists()


def png_bytes(size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(reverse("wagtailimages:add"), {
        "title": name,
        "file": SimpleUploadedFile(name, content, content_type=content_type),
    })


@pytest.mark.django_db
def test_a_real_photo_can_be_uploaded(leg_client):
    response = upload_image(leg_client, "laden.png", png_bytes())

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="laden.png").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("laden.png", b"%PDF-1.4 das ist kein Bild", "Die hochgeladene Datei ist kein Bild"),
        ("bombe.png", png_bytes(size=(8000, 8000), mode="1"), "Pixel"),
        ("riesig.png", png_bytes() + b"\0" * (10 * 1024 * 1024 + 1), "zu groß"),
    ],
    ids=["not-an-image", "decompression-bomb", "oversized"],
)
def test_bad_uploads_are_refused_with_a_message(leg_client, name, content, expected):
    response = upload_image(leg_client, name, content)

    assert response.status_code == 200
    assert expected.lower() in response.content.decode().lower()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_floor_plan_must_be_a_document_type_we_accept(leg_client):
    response = leg_client.post(reverse("wagtaildocs:add"), {
        "title": "Grundriss",
        "file": SimpleUploadedFile("grundriss.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
    })

    assert response.status_code == 200
    assert "Dateiendung" in response.content.decode()


@pytest.mark.django_db
def test_unconfirmed_listings_expire_after_90_days_and_the_lister_is_mailed(leg):
    now = timezone.now()
    stale = PremisesFactory(title="Alte Fläche", lister=leg, contact_email="",
                            confirmed_at=now - timedelta(days=91))
    fresh = PremisesFactory(title="Frische Fläche", lister=leg, confirmed_at=now - timedelta(days=89))

    call_command("expire_premises", stdout=io.StringIO())

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == Premises.Status.EXPIRED
    assert fresh.status == Premises.Status.PUBLISHED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["flaechen@leg.example"]
    assert "Alte Fläche" in mail.outbox[0].body and "Frische Fläche" not in mail.outbox[0].body


@pytest.mark.django_db
def test_confirming_an_expired_listing_publishes_it_again(leg_client, leg):
    listing = PremisesFactory(lister=leg, status=Premises.Status.EXPIRED,
                              confirmed_at=timezone.now() - timedelta(days=120))

    leg_client.post(reverse("wagtailsnippets_premises_premises:confirm", args=[listing.pk]))

    listing.refresh_from_db()
    assert listing.status == Premises.Status.PUBLISHED
    assert listing.confirmed_at > timezone.now() - timedelta(minutes=1)


# The contract's ten sample listings (a copy of shared/samples/premises.csv, read relative to the repository).
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "premises.csv"
IMPORT = "premises_import:index"


def csv_upload(name, content: bytes):
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.mark.django_db
def test_admin_import_previews_bad_rows_and_writes_nothing(leg_client):
    with open(SAMPLE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    bad_row = dict(rows[1], external_id="X-BAD", city="Atlantis")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows([rows[0], bad_row])
    bad = buffer.getvalue()

    response = leg_client.post(reverse(IMPORT), {"file": csv_upload("flaechen.csv", bad.encode())})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Atlantis" in page and "<td>3</td><td>city</td>" in page
    assert not Premises.objects.exists()


@pytest.mark.django_db
def test_admin_import_writes_after_the_preview_is_confirmed(leg_client, leg):
    response = leg_client.post(reverse(IMPORT), {"file": csv_upload("flaechen.csv", SAMPLE.read_bytes())})

    assert response.status_code == 200
    assert not Premises.objects.exists()  # preview only
    token = response.context["token"]
    confirmed = leg_client.post(reverse(IMPORT), {"confirm": "1", "token": token})

    assert confirmed.status_code == 302
    assert Premises.objects.filter(lister=leg).count() == 10


@pytest.mark.django_db
def test_a_second_confirmation_of_the_same_preview_imports_nothing_and_says_why(leg_client, leg, tmp_path, settings):
    """Issue 21.22: two confirmations at once answered 500; the uploaded files stayed on disk."""
    settings.MEDIA_ROOT = str(tmp_path)
    response = leg_client.post(reverse(IMPORT), {"file": csv_upload("flaechen.csv", SAMPLE.read_bytes())})
    token = response.context["token"]
    assert not any(tmp_path.rglob("*.csv"))  # the preview's file is not under the media path
    assert leg_client.post(reverse(IMPORT), {"confirm": "1", "token": token}).status_code == 302
    again = leg_client.post(reverse(IMPORT), {"confirm": "1", "token": token}, follow=True)
    assert again.status_code == 200
    assert "schon übernommen" in again.content.decode()
    assert Premises.objects.filter(lister=leg).count() == 10
    assert not PendingImport.objects.exists()  # nothing of the file is kept


@pytest.mark.django_db
def test_an_abandoned_preview_is_deleted_after_a_day(leg_client, leg):
    leg_client.post(reverse(IMPORT), {"file": csv_upload("flaechen.csv", SAMPLE.read_bytes())})
    PendingImport.objects.update(created_at=timezone.now() - timedelta(days=2))
    response = leg_client.post(reverse(IMPORT), {"file": csv_upload("flaechen.csv", SAMPLE.read_bytes())})
    assert PendingImport.objects.count() == 1  # the old one went, the new preview stays
    token = response.context["token"]
    leg_client.post(reverse(IMPORT), {"file": csv_upload("flaechen.csv", SAMPLE.read_bytes())})
    assert not PendingImport.objects.filter(token=token).exists()  # a new preview replaces the last


@pytest.mark.django_db
def test_admin_import_refuses_files_that_are_not_csv(leg_client):
    response = leg_client.post(reverse(IMPORT), {"file": csv_upload("foto.jpg", b"\xff\xd8\xff\xe0")})

    assert response.status_code == 400
    assert "Bitte eine CSV-Datei (.csv) hochladen." in response.content.decode()


@pytest.mark.django_db
def test_the_lister_reads_inquiries_about_its_own_listings_only(leg_client, leg, jena):
    own = PremisesFactory(title="Laden der LEG", lister=leg)
    foreign = PremisesFactory(title="Laden der Stadt Jena", lister=jena)
    own.inquiries.create(name="Anna Anfrage", email="anna@example.org", message="Ist die Fläche noch frei?")
    other = foreign.inquiries.create(name="Bernd Fremd", email="bernd@example.org", message="Noch frei?")

    page = leg_client.get(reverse("wagtailsnippets_premises_premisesinquiry:list")).content.decode()
    foreign_view = leg_client.get(reverse("wagtailsnippets_premises_premisesinquiry:inspect", args=[other.pk]))

    assert "Anna Anfrage" in page
    assert "Bernd Fremd" not in page
    assert foreign_view.status_code == 404  # another organisation's inquiry does not exist for this user


@pytest.mark.django_db
def test_a_listing_saved_after_someone_else_saved_it_is_refused_and_keeps_the_newer_data(leg_client, leg):
    """Issue 21.21: two LEG people editing one listing overwrote each other silently."""
    edit = reverse("wagtailsnippets_premises_premises:edit", args=[PremisesFactory(
        title="Laden am Markt", lister=leg, external_id="LEG-NEU-1", city="Jena").pk])
    form_page = leg_client.get(edit).content.decode()
    loaded = re.search(r'name="loaded_updated_at" value="([^"]+)"', form_page).group(1)
    first = leg_client.post(edit, listing_form(title="Laden am Markt (Kollegin)", loaded_updated_at=loaded))
    assert first.status_code == 302
    second = leg_client.post(edit, listing_form(title="Laden am Markt (ich)", loaded_updated_at=loaded))
    assert second.status_code == 200
    page = second.content.decode()
    assert "hat jemand anderes eine neuere Fassung gespeichert" in page and "Laden am Markt (ich)" in page
    assert Premises.objects.get(external_id="LEG-NEU-1").title == "Laden am Markt (Kollegin)"
    fresh = re.search(r'name="loaded_updated_at" value="([^"]+)"', leg_client.get(edit).content.decode()).group(1)
    assert leg_client.post(edit, listing_form(title="Laden am Markt (ich)", loaded_updated_at=fresh)).status_code == 302
