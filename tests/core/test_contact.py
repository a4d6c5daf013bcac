"""The contact form: valid messages are stored and mailed, invalid ones answered in German, spam
(honeypot filled, too many posts from one address) refused without storing or mailing anything."""

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from core import contact
from core.models import SiteSettings
from tests.core.factories import ContactPageFactory

pytestmark = pytest.mark.django_db

VALID = {"name": "Erika Muster", "e_mail_adresse": "erika@example.org", "nachricht": "Wir möchten mitmachen."}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory()


def test_contact_page_renders_the_form_with_labels_and_hidden_honeypot(client, contact_page):
    html = client.get(contact_page.url).content.decode()
    assert "Schreiben Sie uns." in html
    assert '<label for="id_e_mail_adresse">E-Mail-Adresse <span class="required">(Pflichtfeld)</span></label>' in html
    assert 'class="form-field form-field--hp" aria-hidden="true"' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_valid_message_is_stored_and_mailed_to_the_configured_address(client, contact_page):
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert "Danke, wir melden uns bald." in response.content.decode()

    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["nachricht"] == "Wir möchten mitmachen."
    assert "website" not in submission.form_data

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["geschaeftsstelle@example.org"]
    assert message.subject == "Neue Nachricht"
    assert "Nachricht: Wir möchten mitmachen." in message.body
    assert message.reply_to == ["erika@example.org"]


def test_without_page_recipient_the_mail_goes_to_the_settings_address(client, home_page):
    page = ContactPageFactory(to_address="")
    site_settings = SiteSettings.load()
    site_settings.contact_email = "info@example.org"
    site_settings.save()

    client.post(page.url, VALID)
    assert [m.to for m in mail.outbox] == [["info@example.org"]]


def test_invalid_message_gets_german_errors_and_keeps_the_input(client, contact_page):
    response = client.post(contact_page.url, {**VALID, "e_mail_adresse": "keine-adresse", "nachricht": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie die markierten Felder." in html
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert 'value="Erika Muster"' in html
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_filled_honeypot_is_refused_in_german_and_nothing_is_stored(client, contact_page):
    response = client.post(contact_page.url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "wie automatisch erzeugt" in response.content.decode()
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_too_many_messages_from_one_address_are_refused(client, contact_page):
    for _ in range(contact.RATE_LIMIT):
        assert client.post(contact_page.url, VALID).status_code == 200
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 429
    assert "zu viele Nachrichten" in response.content.decode()
    assert FormSubmission.objects.count() == contact.RATE_LIMIT
    assert len(mail.outbox) == contact.RATE_LIMIT

    # another client address is not affected
    other = client.post(contact_page.url, VALID, REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 200


def test_mail_outage_still_keeps_the_message(client, contact_page, settings):
    settings.EMAIL_BACKEND = "tests.core.test_contact.BrokenBackend"
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact_page).count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_behind_a_proxy_the_forwarded_address_counts(client, contact_page, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for _ in range(contact.RATE_LIMIT):
        client.post(contact_page.url, VALID, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client.post(contact_page.url, VALID, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    # same proxy (REMOTE_ADDR), another visitor: not limited
    assert client.post(contact_page.url, VALID, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 200
