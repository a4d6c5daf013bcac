"""The site search page /suche/: results grouped by kind, facets that narrow them, autocomplete."""

import re

import pytest


def _count(page) -> int:
    text = page.locator(".result-count").inner_text()
    match = re.search(r"(\d+) Treffer", text)
    return int(match.group(1)) if match else (1 if text.startswith("1 Treffer") else 0)


def test_search_page_finds_listings_and_facets_narrow_them(page, shot):
    page.goto("/suche/")
    page.get_by_label("Suchbegriff").fill("Laden")
    shot("suche-leer")
    page.get_by_label("Suchbegriff").press("Enter")  # submits, whether suggestions are open or not
    page.wait_for_url(re.compile(r"/suche/\?q=Laden"))
    total = _count(page)
    assert total >= 2
    assert page.locator(".search-hit--premises").count() >= 1
    shot("suche-ergebnisse")

    facets = page.locator("aside.facets")
    type_link = facets.get_by_role("link", name="Flächen")
    type_link.click()
    page.wait_for_url(re.compile(r"typ=premises"))
    premises_total = _count(page)
    assert 1 <= premises_total <= total
    assert page.locator(".search-hit").count() == page.locator(".search-hit--premises").count()
    shot("suche-nur-flaechen")

    # a value facet (e.g. a town) narrows further and shows as selected
    value_link = facets.locator("ul").nth(1).locator("a").first
    label = value_link.inner_text()
    value_link.click()
    page.wait_for_load_state()
    assert _count(page) <= premises_total
    assert facets.locator("a[aria-current=true]").filter(has_text=label).count() == 1
    shot("suche-facette")
    assert page.js_errors == []


def test_search_nonsense_finds_nothing(page, shot):
    page.goto("/suche/?q=xqzzyv")
    assert "Keine Treffer" in page.locator(".result-count").inner_text()
    shot("suche-nichts")


def test_autocomplete_answers_the_page_with_suggestions_for_a_prefix(page):
    page.goto("/suche/")
    endpoint = page.get_by_label("Suchbegriff").get_attribute("data-autocomplete")
    assert endpoint
    data = page.evaluate(
        "async url => (await fetch(url + '?q=' + encodeURIComponent('Caf'))).json()", endpoint
    )
    titles = [suggestion["title"] for suggestion in data["results"]]
    assert any("Café" in title for title in titles), titles
    nothing = page.evaluate("async url => (await fetch(url + '?q=xqzzyv')).json()", endpoint)
    assert nothing["results"] == []


def test_autocomplete_widget_offers_suggestions_while_typing(page, shot):
    page.goto("/suche/")
    box = page.get_by_label("Suchbegriff")
    if box.get_attribute("aria-autocomplete") is None and box.get_attribute("role") != "combobox":
        pytest.skip("Die Suchseite hat noch kein Vorschlags-Widget (aria-autocomplete/role=combobox am Suchfeld).")
    box.press_sequentially("Café", delay=50)
    suggestions = page.get_by_role("option")
    suggestions.first.wait_for()
    shot("autocomplete")
    assert any("Café" in text for text in suggestions.all_inner_texts())
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    shot("autocomplete-gewaehlt")
