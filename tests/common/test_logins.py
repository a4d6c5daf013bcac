"""One login throttle for every way in (issue 21.6) and for page passwords (issue 21.24)."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from common.logins import LOGIN_FAILURES, PAGE_PASSWORD_FAILURES
from tests.core.factories import StandardPageFactory
from tests.members.factories import UserFactory

PASSWORD = "geheim-123-passwort"
LOCKED = "Zu viele fehlgeschlagene Anmeldeversuche"
BODY = "Lebendige Innenstädte in ganz Thüringen"  # the protected page's text (StandardPageFactory)
LOGIN_PATHS = ["/admin/login/", "/werkzeuge/anmelden/", "/django-admin/login/", "/intern/anmelden/"]


@pytest.fixture
def editor(db):
    return UserFactory(username="redaktion", is_staff=True, is_superuser=True)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_every_login_path_locks_an_account_after_five_failures_from_one_address(client, editor, path):
    for _ in range(LOGIN_FAILURES.limit):
        response = client.post(path, {"username": "redaktion", "password": "falsch"})
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    # Now even the right password is refused on this path, and the visitor is told why (in German).
    response = client.post(path, {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert not _logged_in(client)
    # The editor at another address still gets in.
    response = client.post(path, {"username": "redaktion", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302
    assert _logged_in(client)


def test_failures_on_different_login_paths_count_together(client, editor):
    """A locked account cannot get in through another login page (the admin's, the tools')."""
    for path in LOGIN_PATHS + ["/admin/login/"]:
        client.post(path, {"username": "redaktion", "password": "falsch"})
    for path in LOGIN_PATHS:
        response = client.post(path, {"username": "redaktion", "password": PASSWORD})
        assert LOCKED in response.content.decode(), path
        assert not _logged_in(client)


def test_a_successful_login_starts_the_count_afresh(client, editor):
    for _ in range(LOGIN_FAILURES.limit - 1):
        client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    assert client.post("/werkzeuge/anmelden/", {"username": "redaktion", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(LOGIN_FAILURES.limit - 1):
        client.post("/django-admin/login/", {"username": "redaktion", "password": "falsch"})
    assert client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD}).status_code == 302


@pytest.fixture
def protected_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Nur mit Passwort")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="Bündnis-2023"
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def test_page_passwords_are_throttled_per_page_and_address(client, protected_page):
    page, action = protected_page
    url = page.url
    for _ in range(PAGE_PASSWORD_FAILURES.limit):
        response = client.post(action, {"password": "falsch", "return_url": url})
        assert response.status_code == 200
    # The right password is not even checked now: the page stays closed, with a German reason.
    response = client.post(action, {"password": "Bündnis-2023", "return_url": url})
    assert response.status_code == 429
    assert "Zu viele falsche Passwörter" in response.content.decode()
    assert BODY not in client.get(url).content.decode()
    # Another visitor with the right password gets in.
    other = client.__class__()
    response = other.post(action, {"password": "Bündnis-2023", "return_url": url}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302
    assert BODY in other.get(url).content.decode()
