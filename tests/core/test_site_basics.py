"""The site frame on every page: German, landmarks, skip link, menu, breadcrumbs, footer, search box,
SEO and sharing tags; robots.txt; error pages."""

import re

import pytest
from django.urls import path
from wagtail.models import PageViewRestriction

from core.models import SiteSettings
from tests.alliance import factories as alliance_factories
from tests.core import factories

pytestmark = pytest.mark.django_db


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_home_page_has_landmarks_skip_link_and_search_box_in_german(client, home_page):
    html = get_html(client, "/")
    assert re.search(r'<html lang="de"', html)
    assert '<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>' in html
    assert '<main id="inhalt"' in html
    assert "<header" in html and "<footer" in html and 'aria-label="Hauptmenü"' in html
    search_form = re.search(r'<form[^>]*role="search"[^>]*>.*?</form>', html, re.S).group(0)
    assert 'action="/suche/"' in search_form and 'method="get"' in search_form and 'name="q"' in search_form
    assert "<label" in search_form


def test_menu_lists_live_menu_pages_of_the_home_with_a_toggle_button(client, home_page):
    about = factories.StandardPageFactory(title="Über das Bündnis", show_in_menus=True)
    factories.StandardPageFactory(title="Impressum", show_in_menus=False)
    factories.StandardPageFactory(title="Entwurf", show_in_menus=True, live=False)

    html = get_html(client, about.url)
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert f'<a href="{about.url}" aria-current="page">Über das Bündnis</a>' in nav
    assert "Impressum" not in nav and "Entwurf" not in nav
    toggle = re.search(r'<button class="menu-toggle"[^>]*>', html).group(0)
    assert 'aria-expanded="false"' in toggle and 'aria-controls="hauptmenue"' in toggle
    assert 'id="hauptmenue"' in nav


def test_breadcrumbs_lead_from_the_home_to_the_page(client, home_page):
    group = alliance_factories.WorkingGroupPageFactory(title="AG Klima")
    html = get_html(client, group.url)
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert 'aria-label="Brotkrümelnavigation"' in crumbs
    assert re.search(r'<a href="/">Startseite</a>.*<a href="/arbeitsgruppen/">Arbeitsgruppen</a>.*'
                     r'<span aria-current="page">AG Klima</span>', crumbs, re.S)
    assert 'class="breadcrumbs"' not in get_html(client, "/")


def test_footer_shows_contact_social_and_legal_links_from_the_settings(client, home_page):
    imprint = factories.StandardPageFactory(title="Impressum")
    site_settings = SiteSettings.load()
    site_settings.contact_name = "Geschäftsstelle"
    site_settings.address = "Musterstraße 1\n99084 Erfurt"
    site_settings.contact_email = "info@example.org"
    site_settings.social_links = [
        {"type": "link", "value": {"platform": "mastodon", "url": "https://social.example.org/@b", "label": ""}}
    ]
    site_settings.imprint_page = imprint
    site_settings.save()

    footer = get_html(client, "/").split("<footer", 1)[1]
    assert "Geschäftsstelle" in footer and "Musterstraße 1<br>99084 Erfurt" in footer
    assert 'href="mailto:info@example.org"' in footer
    assert 'href="https://social.example.org/@b"' in footer and "Mastodon" in footer
    assert f'<a href="{imprint.url}">Impressum</a>' in footer


def test_seo_title_description_canonical_and_open_graph_with_the_page_image(client, home_page):
    image = alliance_factories.ImageFactory(title="Baum")
    news = alliance_factories.NewsPageFactory(
        title="Wanderbaumallee eingeweiht",
        seo_title="Wanderbaumallee in Gotha",
        search_description="Bäume wandern durch Gotha.",
        image=image,
        image_alt="Bäume in Kübeln",
    )
    html = get_html(client, news.url)
    assert "<title>Wanderbaumallee in Gotha – Innenstädte mit Zukunft</title>" in html
    assert '<meta name="description" content="Bäume wandern durch Gotha.">' in html
    assert f'<link rel="canonical" href="http://testserver{news.url}">' in html
    assert '<meta property="og:title" content="Wanderbaumallee in Gotha">' in html
    assert '<meta property="og:type" content="article">' in html
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og_image.startswith("http://testserver/") and "fill-1200x630" in og_image
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_page_without_image_falls_back_to_teaser_and_summary_card(client, home_page):
    event = alliance_factories.EventPageFactory(title="4. Bündnistreffen", teaser="Treffen in Erfurt.")
    html = get_html(client, event.url)
    assert '<meta property="og:description" content="Treffen in Erfurt.">' in html
    assert "og:image" not in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_robots_txt_points_to_sitemap_and_hides_members_area(client, home_page):
    body = get_html(client, "/robots.txt")
    assert "Disallow: /intern/" in body and "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_public_pages_only(client, home_page):
    public = factories.StandardPageFactory(title="Öffentlich")
    restricted = factories.StandardPageFactory(title="Nur für Mitglieder")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    below_restricted = factories.StandardPageFactory(title="Darunter", parent=restricted)
    draft = factories.StandardPageFactory(title="Entwurf", live=False)
    intern = factories.StandardPageFactory(title="Intern", slug="intern")

    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    assert "<loc>http://localhost/</loc>" in body
    assert f"<loc>http://localhost{public.url}</loc>" in body
    for hidden in (restricted, below_restricted, draft, intern):
        assert hidden.slug not in body, hidden.title
    # the restricted page itself still asks for its password
    assert client.get(restricted.url).status_code == 200
    assert "Passwort" in client.get(restricted.url).content.decode()


def test_unknown_path_renders_german_404_inside_the_site_frame(client, home_page):
    html = get_html(client, "/gibt-es-nicht/", status=404)
    assert "Seite nicht gefunden" in html and 'href="/suche/"' in html
    assert '<main id="inhalt"' in html


def boom(request):
    raise RuntimeError("Test: absichtlicher Fehler")


urlpatterns = [path("kaputt/", boom)]
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"


@pytest.mark.urls("tests.core.test_site_basics")
def test_server_error_renders_german_500_page(client, home_page):
    client.raise_request_exception = False
    response = client.get("/kaputt/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="de">' in html and "Da ist etwas schiefgegangen" in html


@pytest.mark.django_db
def test_a_restricted_section_stays_out_of_every_listing_of_a_page(client, home_page):
    """The per-request memo of view restrictions keeps Wagtail's rule: nothing restricted shows."""
    from core.models import StandardPage

    shown = home_page.add_child(instance=StandardPage(title="Offene Seite im Menü", slug="offen", show_in_menus=True))
    hidden = home_page.add_child(instance=StandardPage(title="Geschützte Seite im Menü", slug="geschuetzt",
                                                       show_in_menus=True))
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    first = client.get("/").content.decode()
    second = client.get("/").content.decode()  # a new request reads the restrictions again

    for page in (first, second):
        assert shown.title in page
        assert hidden.title not in page
