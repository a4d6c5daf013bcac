"""A strict Content-Security-Policy on every public page type and nothing loaded from third parties
before the visitor agrees (issue 21.12): no inline scripts or handlers, the API docs' assets from
our own static files, map tiles and embedded media only after a click."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from core.models import StandardPage
from tests.alliance import factories as alliance
from tests.core.factories import StandardPageFactory
from tests.partners.factories import PartnerFactory, SupportOfferFactory
from tests.premises.factories import PremisesFactory

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
FETCHING = re.compile(
    r"""<(script|link|img|iframe|source|video|audio)\b([^>]*?)\s(?:src|href)=["'](?:https?:)?//([^/"':]+)""", re.I
)


def third_party_fetches(html: str, own_hosts) -> list[str]:
    """Tags the browser would fetch from another host at once (links like rel=canonical fetch nothing)."""
    found = []
    for tag, attributes, host in FETCHING.findall(re.sub(r"<template\b.*?</template>", "", html, flags=re.S | re.I)):
        if tag.lower() == "link" and re.search(r"rel=[\"']?(canonical|alternate)", attributes, re.I):
            continue
        if host not in own_hosts:
            found.append(f"{tag} from {host}")
    return found


def _without_templates(html: str) -> str:
    return re.sub(r"<template\b.*?</template>", "", html, flags=re.S | re.I)


@pytest.fixture
def pages(home_page, search_index):
    with search_index():
        lister = PartnerFactory(name="LEG Thüringen", kind="state_agency")
        premises = PremisesFactory(title="Ladenlokal am Anger", lister=lister)
        offer = SupportOfferFactory(provider=lister, title="Ansiedlungsservice")
        about = StandardPageFactory(parent=home_page, title="Über das Bündnis", body=[
            {"type": "paragraph", "value": "<p>Ein Film über die Innenstadt.</p>"},
            {"type": "embed", "value": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
        ])
        news = alliance.NewsPageFactory(parent=alliance.NewsIndexPageFactory(parent=home_page), title="Neuigkeit")
        event = alliance.EventPageFactory(parent=alliance.EventIndexPageFactory(parent=home_page), title="Termin")
    return {
        "home": "/", "standard page with a video": about.url, "news": news.url, "event": event.url,
        "premises list": "/flaechen/", "premises map": reverse("premises:map"),
        "premises detail": premises.get_absolute_url(), "offers": "/angebote/", "offer": offer.get_absolute_url(),
        "partners": "/partner/", "search": "/suche/?q=Laden", "kompass": reverse("toolbox:kompass"),
        "members' login": "/intern/anmelden/", "api docs": "/api/v1/docs", "404": "/gibt-es-nicht/",
    }


def test_every_public_page_type_sends_a_strict_policy_and_has_no_inline_script(client, pages, settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.core.test_csp.FakeYouTubeFinder"}]
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "404" else 200), name
        policy = response["Content-Security-Policy"]
        scripts = re.search(r"script-src ([^;]*)", policy).group(1)
        assert scripts == "'self'", name  # no 'unsafe-inline', no other host
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy, name
        html = response.content.decode()
        for attributes, body in SCRIPT.findall(html):
            executable = "src=" in attributes or "application/json" not in attributes
            assert not (executable and body.strip()), f"{name}: inline script {body.strip()[:60]!r}"
        assert not HANDLER.search(html), f"{name}: inline event handler"
        own = {"testserver", "localhost", "127.0.0.1", urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}
        assert not third_party_fetches(html, own), f"{name}: {third_party_fetches(html, own)}"


class FakeYouTubeFinder:
    """Stands in for YouTube's oEmbed service (no network in tests)."""

    def __init__(self, **options):
        pass

    def accept(self, url):
        return "youtube.com" in url

    def find_embed(self, url, max_width=None, max_height=None):
        return {"title": "Film", "author_name": "", "provider_name": "YouTube", "type": "video",
                "thumbnail_url": "", "width": 640, "height": 360,
                "html": '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Film"></iframe>'}


def test_an_embedded_video_loads_only_after_a_click(client, pages, settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.core.test_csp.FakeYouTubeFinder"}]
    html = client.get(StandardPage.objects.get(title="Über das Bündnis").url).content.decode()
    assert "Medium laden" in html and "www.youtube.com" in html  # the notice names the provider
    outside = _without_templates(html)
    assert "<iframe" not in outside
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html  # inside the <template>


def test_the_map_asks_before_loading_tiles_from_another_host(client, pages, settings):
    html = client.get(pages["premises detail"]).content.decode()
    config = re.search(r'<script id="map-config" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert '"needsConsent": true' in config and '"tileHost": "tile.openstreetmap.org"' in config
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "karten.thueringen.example"]
    settings.MAP_TILE_URL = "https://karten.thueringen.example/{z}/{x}/{y}.png"  # the Land's own server
    html = client.get(pages["premises detail"]).content.decode()
    assert '"needsConsent": false' in html


def test_the_api_docs_load_their_assets_from_the_site_itself(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
