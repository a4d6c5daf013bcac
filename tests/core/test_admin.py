"""Editors can add standard and contact pages, see contact submissions and edit the footer settings."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.forms.models import FormSubmission

from core.models import SiteSettings
from tests.core.factories import ContactPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "geheim-123")
    client.force_login(user)
    return client


@pytest.mark.parametrize(("model_name", "label"), [("standardpage", "Alternativtext"), ("contactpage", "Formularfelder")])
def test_add_form_of_site_page_types_opens_in_german(editor_client, home_page, model_name, label):
    response = editor_client.get(f"/admin/pages/add/core/{model_name}/{home_page.pk}/")
    assert response.status_code == 200
    assert label in response.content.decode()


def test_editors_see_contact_submissions(editor_client, home_page):
    page = ContactPageFactory()
    FormSubmission.objects.create(page=page, form_data={"name": "Erika Muster", "nachricht": "Hallo Bündnis"})
    response = editor_client.get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == 200
    assert "Hallo Bündnis" in response.content.decode()


def test_editors_change_footer_settings(editor_client, home_page):
    url = f"/admin/settings/core/sitesettings/{SiteSettings.load().pk}/"
    assert editor_client.get(url).status_code == 200
    assert "Website-Einstellungen" in editor_client.get(url).content.decode()
    response = editor_client.post(
        url,
        {
            "contact_name": "Geschäftsstelle",
            "address": "Erfurt",
            "contact_email": "info@example.org",
            "contact_phone": "",
            "footer_text": '{"blocks": [], "entityMap": {}}',
            "social_links-count": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteSettings.load().contact_email == "info@example.org"
    assert "info@example.org" in editor_client.get("/").content.decode()


def test_the_admin_password_reset_is_limited_like_the_members_one(client, db):
    from django.core import mail
    from django.core.cache import cache

    cache.clear()
    for n in range(5):
        assert client.post("/admin/password_reset/", {"email": f"redaktion{n}@example.org"}).status_code == 302
    response = client.post("/admin/password_reset/", {"email": "noch-eine@example.org"})
    assert response.status_code == 429 and "zu viele Anfragen" in response.content.decode()
    assert mail.outbox == []  # no such accounts: no mail either way
