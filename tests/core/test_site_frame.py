"""The cached site frame (menu, footer, sharing image) never lags behind the editors: what they
publish, unpublish, restrict or change in the settings shows on the very next page a visitor opens;
the same for the home page's cached sections (news, events, working groups)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import rich_text

from core.models import SiteSettings
from tests.alliance.factories import EventPageFactory, NewsPageFactory
from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "geheim-123"))
    return editor


def menu_of(client, url="/flaechen/"):
    html = client.get(url).content.decode()
    return html[html.index('id="hauptmenue"'):html.index("</nav>")]


def footer_of(client, url="/flaechen/"):
    html = client.get(url).content.decode()
    return html[html.index('<footer class="site-footer">'):]


def test_a_page_an_editor_publishes_into_the_menu_shows_at_once(client, editor, home_page):
    StandardPageFactory(parent=home_page, title="Über das Bündnis", show_in_menus=True)
    assert "Über das Bündnis" in menu_of(client)  # the frame is now cached

    response = editor.post(f"/admin/pages/add/core/standardpage/{home_page.pk}/", {
        "title": "Förderprogramme", "slug": "foerderprogramme", "intro": rich_text(""), "body-count": "0",
        "show_in_menus": "on", "action-publish": "action-publish",
    })
    assert response.status_code == 302, response.content.decode()[:3000]

    assert "Förderprogramme" in menu_of(client)
    assert "Förderprogramme" in menu_of(client, "/")
    assert "Über das Bündnis" in menu_of(client)


def test_unpublished_renamed_and_restricted_pages_change_the_menu_at_once(client, editor, home_page):
    about = StandardPageFactory(parent=home_page, title="Über das Bündnis", show_in_menus=True)
    members = StandardPageFactory(parent=home_page, title="Mitgliederbereich", show_in_menus=True)
    old = StandardPageFactory(parent=home_page, title="Veraltete Seite", show_in_menus=True)
    assert {"Über das Bündnis", "Mitgliederbereich", "Veraltete Seite"} <= set(_titles(menu_of(client)))

    assert editor.post(f"/admin/pages/{old.pk}/unpublish/", {"include_descendants": "on"}).status_code == 302
    about.title = "Wer wir sind"
    about.save_revision().publish()
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)

    menu = menu_of(client)
    assert "Wer wir sind" in menu
    assert "Über das Bündnis" not in menu
    assert "Veraltete Seite" not in menu
    assert "Mitgliederbereich" not in menu


def test_footer_settings_an_editor_saves_show_at_once(client, editor, home_page):
    SiteSettings.objects.create(contact_email="alt@example.org")
    assert "alt@example.org" in footer_of(client)

    response = editor.post(f"/admin/settings/core/sitesettings/{SiteSettings.load().pk}/", {
        "contact_name": "Geschäftsstelle", "address": "Erfurt", "contact_email": "neu@example.org",
        "contact_phone": "", "footer_text": rich_text("Gemeinsam für lebendige Innenstädte."),
        "social_links-count": "0",
    })
    assert response.status_code == 302, response.content.decode()[:3000]

    footer = footer_of(client)
    assert "neu@example.org" in footer and "alt@example.org" not in footer
    assert "Gemeinsam für lebendige Innenstädte." in footer
    assert "neu@example.org" in footer_of(client, "/")


def _titles(menu_html):
    import re

    return re.findall(r'<a href="[^"]*"[^>]*>([^<]+)</a>', menu_html)


def test_news_and_events_an_editor_publishes_show_on_the_home_page_at_once(client, editor, home_page):
    first = NewsPageFactory(title="Erste Meldung", date=datetime.date(2026, 1, 5))
    assert "Erste Meldung" in client.get("/").content.decode()  # the home sections are now cached

    NewsPageFactory(title="Förderaufruf gestartet", date=datetime.date(2026, 2, 1))
    EventPageFactory(title="Bündnistreffen im Frühjahr")
    assert editor.post(f"/admin/pages/{first.pk}/unpublish/", {"include_descendants": "on"}).status_code == 302

    html = client.get("/").content.decode()
    assert "Förderaufruf gestartet" in html and "Bündnistreffen im Frühjahr" in html
    assert "Erste Meldung" not in html
