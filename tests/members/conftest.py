import pytest
from django.core.cache import cache

from members import services
from tests.members.factories import UserFactory, make_member

PASSWORD = "geheim-123-passwort"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alliance(db):
    return services.ensure_workspace(slug="buendnis", name="Bündnis", is_alliance=True)


@pytest.fixture
def ag_klima(db, alliance):
    return services.ensure_workspace(slug="ag-klima", name="AG Klima")


@pytest.fixture
def ag_wulis(db, alliance):
    return services.ensure_workspace(slug="ag-wulis", name="AG WULIS")


@pytest.fixture
def member(ag_klima):
    return make_member(ag_klima, username="klara", first_name="Klara", last_name="Klima")


@pytest.fixture
def other_member(ag_wulis):
    return make_member(ag_wulis, username="willi", first_name="Willi", last_name="Wulis")


@pytest.fixture
def office(alliance):
    return make_member(alliance, office=True, username="gst", first_name="Gesa", last_name="Geschäftsstelle")


@pytest.fixture
def outsider(db):
    """Logged in, but not a member (e.g. a partner's editor)."""
    return UserFactory(username="aussen")


@pytest.fixture
def client_for(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login
