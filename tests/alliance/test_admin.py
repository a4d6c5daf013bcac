"""Editors can open the add form of every alliance page type, in German."""

import pytest
from django.contrib.auth import get_user_model

from alliance import models
from tests.alliance import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "geheim-123")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("index_model", "slug", "detail_model", "label"),
    [
        (models.WorkingGroupIndexPage, "arbeitsgruppen", models.WorkingGroupPage, "Kurzname"),
        (models.PilotProjectIndexPage, "pilotprojekte", models.PilotProjectPage, "Stand"),
        (models.MeetingIndexPage, "buendnistreffen", models.MeetingPage, "Tagesordnung"),
        (models.NewsIndexPage, "aktuelles", models.NewsPage, "Alternativtext"),
        (models.EventIndexPage, "termine", models.EventPage, "Link zur Anmeldung"),
    ],
)
def test_add_form_of_each_page_type_opens_in_german(editor_client, home_page, index_model, slug, detail_model, label):
    index = factories.get_index(index_model, slug)
    opts = detail_model._meta
    response = editor_client.get(f"/admin/pages/add/{opts.app_label}/{opts.model_name}/{index.pk}/")
    assert response.status_code == 200
    assert label in response.content.decode()
