"""Keyboard only: skip link, the main menu and the forms work without a mouse."""

import re
from urllib.parse import urlsplit

from premises.models import Premises
from tests.browser.pages import match_form_url


def _focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement; return e ? "
        "{tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || '').trim(), href: e.getAttribute('href'), "
        "id: e.id, name: e.getAttribute('name'), inNav: !!e.closest('header nav, nav[aria-label]'), "
        "inHeader: !!e.closest('header')} : null; }"
    )


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(page, shot):
    page.goto("/")
    page.keyboard.press("Tab")
    first = _focused(page)
    assert first["text"] == "Zum Inhalt springen"
    shot("skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhalt"


def test_main_menu_is_reachable_and_usable_by_keyboard(page, shot):
    page.goto("/")
    header_links = page.eval_on_selector_all(
        "header a[href]", "els => els.filter(e => e.offsetParent !== null).map(e => e.getAttribute('href'))"
    )
    assert header_links, "Kopfbereich ohne Links"
    reached = []
    for _ in range(len(header_links) + 10):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if not focused["inHeader"]:
            if reached:
                break
            continue
        if focused["tag"] == "a":  # the header's search field and button are stops too
            reached.append(focused["href"])
    # every visible header link (brand, menu entries, search) is reached with Tab, in order
    assert reached == header_links
    shot("menue-fokus")

    # Enter on a public menu entry other than the home link opens that page
    menu = [href for href in header_links if href not in ("/", "#inhalt") and not href.startswith("/intern/")]
    assert menu, "kein Menüeintrag im Kopfbereich"
    target = menu[0]
    page.goto("/")
    for _ in range(len(header_links) + 10):
        page.keyboard.press("Tab")
        if _focused(page)["href"] == target:
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == target
    shot("menue-ziel")


def test_premises_filter_form_by_keyboard(page, shot):
    in_jena = Premises.objects.public().filter(city="Jena").count()
    page.goto("/flaechen/")
    page.focus("#id_q")
    page.keyboard.press("Tab")
    assert _focused(page)["id"] == "id_city"
    page.keyboard.type("Jena")
    page.keyboard.press("Tab")
    assert _focused(page)["id"] == "id_radius_km"
    page.keyboard.press("Shift+Tab")
    shot("filter-ausgefuellt")
    page.keyboard.press("Enter")  # submits the form from the text field
    page.wait_for_url(re.compile(r"city=Jena"))
    status = page.locator(".result-count").inner_text()
    assert status.startswith(f"{in_jena} Fläche")
    shot("filter-ergebnis")


def test_matching_form_by_keyboard(page, shot):
    """Every field group of the guided form is a Tab stop in order (a radio group is one stop,
    its choices are picked with the arrow keys), and the form is sent with Enter."""
    page.goto(match_form_url())
    form = page.locator("main form.seeker-form")
    stops = form.evaluate(
        """f => {
            const seen = new Set(), stops = [];
            for (const e of f.querySelectorAll('input, select, textarea, button')) {
                if (e.type === 'hidden' || e.tabIndex < 0 || e.disabled || e.offsetParent === null) continue;
                const key = e.type === 'radio' ? 'radio:' + e.name : (e.id || e.name || e.innerText.trim());
                if (!seen.has(key)) { seen.add(key); stops.push(key); }
            }
            return stops;
        }"""
    )
    assert stops[0] == "radio:kind"
    form.locator("input[name=kind]").first.focus()
    page.keyboard.press("ArrowDown")  # second kind, checked by the arrow key as in any radio group
    assert page.locator("input[name=kind]:checked").get_attribute("value") == "successor"
    page.keyboard.press("ArrowUp")
    assert page.locator("input[name=kind]:checked").get_attribute("value") == "founder"

    reached = ["radio:kind"]
    for _ in range(len(stops) + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; if (!e.closest('form.seeker-form')) return null;"
            " return e.type === 'radio' ? 'radio:' + e.name : (e.id || e.name || e.innerText.trim()); }"
        )
        if focused is None:
            break
        if focused != reached[-1]:  # a date input has several stops of its own (day, month, year, picker)
            reached.append(focused)
        if focused == "id_use_types_1":  # the second use type: Büro, ticked with the space bar
            page.keyboard.press("Space")
        if focused == "id_city":
            page.keyboard.type("Jena")
    shot("matching-formular-tastatur")
    assert reached == stops

    page.locator("#id_city").focus()
    page.keyboard.press("Enter")  # sends the form
    page.wait_for_url(re.compile(r"/passend/ergebnisse/\?.*kind=founder"))
    assert "use_types=office" in page.url and "city=Jena" in page.url
    assert page.locator("h1").inner_text() == "Ihre Ergebnisse"
    shot("matching-ergebnisse-tastatur")
