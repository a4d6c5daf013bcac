"""axe-core scan of the main pages: no serious or critical accessibility violations."""

import pytest

from tests.browser.pages import a_public_listing, match_form_url


def _report(violations):
    return "\n".join(f"{v['impact']}: {v['id']} – {v['help']} {v['nodes']}" for v in violations)


@pytest.mark.parametrize(
    "name",
    ["startseite", "flaechen-liste", "flaechen-karte", "flaeche", "suche", "matching-formular", "matching-ergebnisse"],
)
def test_main_pages_have_no_serious_accessibility_violations(name, page, axe, shot):
    if name == "startseite":
        url = "/"
    elif name == "flaechen-liste":
        url = "/flaechen/?city=Erfurt&radius_km=50"
    elif name == "flaechen-karte":
        url = "/flaechen/karte/"
    elif name == "flaeche":
        url = a_public_listing().get_absolute_url()
    elif name == "suche":
        url = "/suche/?q=Laden"
    elif name == "matching-formular":
        url = match_form_url()
    else:
        url = "/passend/ergebnisse/?kind=founder&use_types=gastronomy&city=Weimar&radius_km=30&needs=financing"

    response = page.goto(url)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    shot(name)
    violations = axe()
    assert violations == [], _report(violations)
