"""Shared fixtures: the demo site root every page test hangs its pages under."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from core.models import HomePage


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: the site frame cached by an earlier test's pages (rolled
    back since, without signals) must not show up in the next one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Innenstädte mit Zukunft", slug="start")
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def search_index(db, django_capture_on_commit_callbacks):
    """Empty search indices for a test whose full text (``q``) goes through the engine.

    Writes reach the index after commit, which a test transaction never does: create the data
    inside ``with search_index(): ...`` and the sync runs as a real commit would run it.
    """
    from search.testing import empty_indices

    empty_indices()
    yield lambda: django_capture_on_commit_callbacks(execute=True)
    empty_indices()


@pytest.fixture(scope="session", autouse=True)
def _no_stray_database_sessions(django_db_setup, django_db_blocker):
    """The browser tests' live server leaves a database session behind; PostgreSQL drops the test
    database at the end of the run only when no other session uses it."""
    yield
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
