"""The premises map as a visitor sees it: Leaflet loads and shows one marker per public listing."""

import re

from premises.models import Premises


def test_the_map_loads_tiles_from_the_tile_server_only_after_the_visitor_agrees(page, shot):
    """Issue 21.12: map tiles came from the OSM tile servers on every premises page."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/flaechen/karte/")
    notice = page.locator(".map-consent")
    notice.wait_for()
    assert "tile.openstreetmap.org" in notice.inner_text()
    shot("karte-vor-zustimmung")
    assert not [url for url in requested if "tile.openstreetmap.org" in url]
    page.get_by_role("button", name="Karte laden").click()
    page.locator("#premises-map .leaflet-marker-icon").first.wait_for()
    page.wait_for_function("document.querySelectorAll('#premises-map img.leaflet-tile').length > 0")
    assert [url for url in requested if "tile.openstreetmap.org" in url]
    assert page.js_errors == []


def test_map_shows_a_marker_per_public_listing_and_links_to_it(page, shot):
    public = Premises.objects.public().count()
    assert public > 1

    page.goto("/flaechen/karte/")
    page.get_by_role("button", name="Karte laden").click()
    status = page.locator("#premises-map-status")
    status.filter(has_text=re.compile(r"Fläche")).wait_for()
    assert status.inner_text() == f"{public} Flächen auf der Karte."
    markers = page.locator("#premises-map .leaflet-marker-icon")
    assert markers.count() == public
    shot("karte")

    markers.first.click()
    popup_link = page.locator(".leaflet-popup-content a")
    popup_link.wait_for()
    shot("popup")
    popup_link.click()
    page.wait_for_url(re.compile(r"/flaechen/\d+/$"))
    assert page.locator("h1").inner_text().strip()
    shot("flaeche")
    assert page.js_errors == []


def test_map_filtered_by_town_shows_only_that_towns_markers(page, shot):
    in_jena = Premises.objects.public().filter(city="Jena").count()
    assert in_jena >= 1

    page.goto("/flaechen/karte/?city=Jena")
    page.get_by_role("button", name="Karte laden").click()
    page.locator("#premises-map-status").filter(has_text=re.compile(r"Fläche")).wait_for()
    assert page.locator("#premises-map .leaflet-marker-icon").count() == in_jena
    shot("karte-jena")


def test_on_a_phone_the_map_consent_fits_and_loads_the_map(page, shot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/flaechen/karte/")
    button = page.get_by_role("button", name="Karte laden")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # nothing cut off
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    shot("karte-zustimmung-telefon")
    button.click()
    page.locator("#premises-map .leaflet-marker-icon").first.wait_for()
    shot("karte-geladen-telefon")
    assert page.js_errors == []
