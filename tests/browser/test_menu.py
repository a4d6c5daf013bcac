"""The phone menu, driven by static/js/site.js (no inline script under the CSP)."""


def test_on_a_phone_the_menu_button_opens_and_escape_closes_the_menu(page, shot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    toggle = page.locator(".menu-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert "is-open" in page.locator("#hauptmenue").get_attribute("class")
    shot("menue-offen-telefon")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.js_errors == []
