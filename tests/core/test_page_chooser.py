"""The page chooser shows a partner's or town's login no draft and no restricted page (issue 21.20)."""

import pytest
from wagtail.models import PageViewRestriction

from tests.core.factories import StandardPageFactory
from tests.vacancy.factories import TownFactory, town_user

pytestmark = pytest.mark.django_db


def _html(response) -> str:
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


@pytest.fixture
def pages(home_page):
    public = StandardPageFactory(parent=home_page, title="Öffentliche Seite Stadtmarketing")
    draft = StandardPageFactory(parent=home_page, title="Entwurf Haushaltsplan", live=False)
    secret = StandardPageFactory(parent=home_page, title="Interna der Geschäftsstelle")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    return home_page, public, draft, secret


def test_a_town_login_chooses_only_among_live_public_pages(client, pages):
    home, public, draft, secret = pages
    client.force_login(town_user(TownFactory(), "erfurt"))
    for url in (f"/admin/choose-page/{home.pk}/", "/admin/choose-page/search/?q=e",
                f"/admin/choose-page/{home.pk}/?q=Haushaltsplan"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = _html(response)
        assert "Entwurf Haushaltsplan" not in body and "Interna der Geschäftsstelle" not in body, url
    assert "Öffentliche Seite Stadtmarketing" in _html(client.get(f"/admin/choose-page/{home.pk}/"))
    # The heading of a browse view would name the parent page: a hidden one is not found at all.
    for hidden in (draft, secret):
        response = client.get(f"/admin/choose-page/{hidden.pk}/")
        assert response.status_code == 404
        assert hidden.title not in response.content.decode()


def test_editors_still_choose_among_all_pages(client, pages, admin_user):
    home, _, _, _ = pages
    client.force_login(admin_user)
    body = _html(client.get(f"/admin/choose-page/{home.pk}/"))
    assert "Entwurf Haushaltsplan" in body and "Interna der Geschäftsstelle" in body
