"""Two people editing one page: the later save from an older version is refused, not silently
overwriting the other's change (issue 21.21)."""

import pytest
from django.contrib.auth import get_user_model

from core.models import StandardPage
from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_page_saved_from_an_older_version_is_refused_with_a_german_message(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Über das Bündnis")
    loaded = page.save_revision()  # what the second editor opened
    page.title = "Über das Bündnis (von der Redaktion überarbeitet)"
    newer = page.save_revision()  # the first editor saved meanwhile
    client.force_login(get_user_model().objects.create_superuser("zweite", "zweite@example.org", "pw"))
    response = client.post(f"/admin/pages/{page.pk}/edit/", {
        "title": "Über das Bündnis (überschrieben)", "slug": page.slug, "body-count": "0",
        "loaded_revision_id": loaded.pk, "loaded_revision_created_at": loaded.created_at.isoformat(),
    })
    assert response.status_code == 409
    assert "hat jemand anderes eine neuere Fassung gespeichert" in response.content.decode()
    page = StandardPage.objects.get(pk=page.pk)
    assert page.latest_revision_id == newer.pk
    assert page.get_latest_revision_as_object().title == "Über das Bündnis (von der Redaktion überarbeitet)"
