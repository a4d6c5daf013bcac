"""A founder's journey through the site, one screenshot per step: home → guided matching form →
results → listing → inquiry sent (and the same through the premises list)."""

import re

from partners.models import SupportOffer
from premises.models import PremisesInquiry
from tests.browser.pages import match_form_url


def _send_inquiry(page, shot, *, message=None):
    page.get_by_label("Ihr Name").fill("Jana Gründerin")
    page.get_by_label("Ihre E-Mail-Adresse").fill("jana@example.org")
    if message is not None:
        page.get_by_label("Ihre Nachricht").fill(message)
    page.get_by_label(re.compile("einverstanden")).check()
    shot("anfrage-ausgefuellt")
    page.get_by_role("button", name="Anfrage senden").click()
    page.locator("#anfrage [role=status]").filter(has_text="Vielen Dank").wait_for()
    shot("anfrage-gesendet")


def _open_from_home(page, href):
    """Follows the home page's link to ``href`` when it has one, else opens it directly."""
    link = page.locator(f"main a[href='{href}'], header a[href='{href}']").first
    if link.count():
        link.click()
    else:
        page.goto(href)
    page.wait_for_url(re.compile(re.escape(href) + "$"))


def test_founder_journey_home_matching_results_listing_inquiry(page, shot):
    inquiries_before = PremisesInquiry.objects.count()
    page.goto("/")
    assert page.locator("h1").count() == 1
    shot("startseite")

    _open_from_home(page, match_form_url())
    assert page.locator("h1").inner_text() == "Passende Flächen und Unterstützung finden"
    shot("matching-formular")
    page.get_by_role("radio", name="Gründerin / Gründer").check()
    page.get_by_label("Branche").fill("Gastronomie")
    page.get_by_role("checkbox", name="Gastronomie").check()
    page.get_by_label("Wunschort (Kommune)").fill("Weimar")
    page.get_by_label("Umkreis (km)").fill("30")
    page.get_by_role("checkbox", name="Finanzierung und Förderung").check()
    page.get_by_label("Ihr Vorhaben in wenigen Worten").fill("Café mit regionaler Küche")
    shot("matching-formular-ausgefuellt")
    page.get_by_role("button", name="Passende Flächen und Angebote zeigen").click()

    page.wait_for_url(re.compile(r"/passend/ergebnisse/\?"))
    results = page.locator("#premises-results > li, #near-miss-results > li")
    assert results.count() >= 1
    first = results.first
    title = first.locator(".card-title a").inner_text()
    assert "Weimar" in first.locator(".card-meta").inner_text() or first.locator(".reasons li, ul li").count()
    if SupportOffer.objects.exists():  # partners seed their demo offers
        assert page.locator("#offer-results > li").count() >= 1
    shot("ergebnisse")

    first.get_by_role("link", name="Anfrage senden").click()
    page.wait_for_url(re.compile(r"/flaechen/\d+/"))
    assert page.locator("h1").inner_text() == title
    shot("flaeche")
    # the results prefill the message with the seeker's plan
    assert "Café mit regionaler Küche" in page.get_by_label("Ihre Nachricht").input_value()

    _send_inquiry(page, shot)
    assert PremisesInquiry.objects.count() == inquiries_before + 1
    inquiry = PremisesInquiry.objects.latest("pk")
    assert inquiry.premises.title == title
    assert inquiry.email == "jana@example.org"
    assert page.js_errors == []


def test_visitor_journey_home_premises_list_listing_inquiry(page, shot):
    inquiries_before = PremisesInquiry.objects.count()
    page.goto("/")
    shot("startseite")

    _open_from_home(page, "/flaechen/")
    page.fill("#id_city", "Weimar")
    page.select_option("#id_radius_km", "20")
    page.get_by_role("checkbox", name="Gastronomie").check()
    page.get_by_role("button", name="Flächen anzeigen").click()
    page.wait_for_url(re.compile(r"city=Weimar"))
    assert "im Umkreis von 20 km um Weimar" in page.locator(".result-count").inner_text()
    shot("ergebnisse")

    first = page.locator(".premises-card .card-title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/flaechen/\d+/$"))
    assert page.locator("h1").inner_text() == title
    shot("flaeche")

    _send_inquiry(page, shot, message="Ich plane ein Café und möchte die Fläche besichtigen.")
    assert PremisesInquiry.objects.count() == inquiries_before + 1
    assert PremisesInquiry.objects.latest("pk").premises.title == title
    assert page.js_errors == []
