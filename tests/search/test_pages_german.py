"""German search over Wagtail pages on /suche/: each case finds the published page it must and not
the one it must not, restricted pages are never found, and a nonsense query finds nothing."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from tests.alliance.factories import NewsPageFactory
from tests.core.factories import StandardPageFactory

NONSENSE = "Xylqwertzpf"


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def pages(home_page):
    made = {
        "buero": StandardPageFactory(title="Büroflächen für Gründer", intro="<p>Freie Räume zum Arbeiten.</p>",
                                     body=paragraph("Schreibtische, Besprechungsraum und Teeküche.")),
        "klima": NewsPageFactory(title="Klimaanpassung in Kommunen", teaser="Hitzeschutzmaßnahmen für heiße Sommer."),
        "hitze": NewsPageFactory(title="Hitzeschutz im Quartier", teaser="Schatten und Trinkwasser."),
        "innenstadt": StandardPageFactory(title="Zukunft der Innenstadt", intro="<p>Leben im Zentrum.</p>",
                                          body=paragraph("Gemeinsam für lebendige Zentren.")),
        "fest": NewsPageFactory(title="Bürgerbeteiligung beim Stadtfest", teaser="Ein Fest für alle."),
        "wegweiser": StandardPageFactory(title="Wegweiser Leerstand", intro="<p>Ein praxisnaher Leitfaden.</p>",
                                         body=paragraph("Mit vielen Fallbeispielen aus der Innenstadt.")),
        "secret": NewsPageFactory(title="Büroflächen der Geschäftsstelle", teaser="Hitzeschutz für Mitglieder."),
    }
    PageViewRestriction.objects.create(page=made["secret"], restriction_type=PageViewRestriction.LOGIN)
    call_command("search_index", "--rebuild", "--only", "pages", verbosity=0)  # only public pages reach the index
    return made


def page_section(client, q):
    response = client.get("/suche/", {"q": q, "typ": "pages"})
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(r'aria-labelledby="gruppe-pages">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def found(client, pages, q):
    section = page_section(client, q)
    return {key for key, page in pages.items() if f'href="{page.url}"' in section}


def check(client, pages, q, must, must_not):
    hits = found(client, pages, q)
    for key in must:
        assert key in hits, f"{q!r} should find {key}"
    for key in [*must_not, "secret"]:
        assert key not in hits, f"{q!r} should not find {key}"
    assert found(client, pages, NONSENSE) == set()


def test_compound_parts(client, pages):
    check(client, pages, "Büro", must=["buero"], must_not=["fest", "klima"])
    check(client, pages, "Klima", must=["klima"], must_not=["hitze", "fest"])
    check(client, pages, "anpassung", must=["klima"], must_not=["innenstadt"])  # inside a compound title
    check(client, pages, "Hitze", must=["hitze", "klima"], must_not=["fest"])  # "Hitzeschutzmaßnahmen" in a teaser


def test_umlaut_transliteration(client, pages):
    check(client, pages, "Buero", must=["buero"], must_not=["fest"])
    check(client, pages, "Hitzeschutzmassnahmen", must=["klima"], must_not=["hitze", "buero"])
    check(client, pages, "Gruender", must=["buero"], must_not=["innenstadt"])


def test_plurals_and_inflections(client, pages):
    check(client, pages, "Innenstädte", must=["innenstadt"], must_not=["fest", "buero"])
    check(client, pages, "Kommune", must=["klima"], must_not=["hitze"])
    check(client, pages, "Quartiere", must=["hitze"], must_not=["klima"])


def test_typos(client, pages):
    check(client, pages, "Hitzeschuz", must=["hitze"], must_not=["fest", "innenstadt"])
    check(client, pages, "Büroflächn", must=["buero"], must_not=["klima"])


def test_curated_synonyms(client, pages):
    check(client, pages, "Stadtzentrum", must=["innenstadt"], must_not=["fest", "hitze"])
    check(client, pages, "Hitzevorsorge", must=["hitze", "klima"], must_not=["fest", "innenstadt"])
    # A synonym found inside running text's compounds would mislead: Büro → Praxis, Kommune → Stadt.
    check(client, pages, "Büro", must=["buero"], must_not=["wegweiser"])
    check(client, pages, "Kommune", must=["klima"], must_not=["wegweiser"])
    check(client, pages, "praxisnah", must=["wegweiser"], must_not=["buero"])


def test_every_word_must_match(client, pages):
    check(client, pages, "Hitze Quartier", must=["hitze"], must_not=["klima"])
    check(client, pages, "Büro Klima", must=[], must_not=["buero", "klima"])


def test_highlights_mark_the_matched_words(client, pages):
    section = page_section(client, "Buero")
    assert "<mark>Büroflächen</mark> für Gründer" in section
    section = page_section(client, "Hitze")
    assert "<mark>Hitzeschutzmaßnahmen</mark> für heiße Sommer." in section  # the teaser's snippet
    assert "<mark>" not in page_section(client, NONSENSE)


def test_autocomplete_finds_pages_by_compound_parts(client, pages):
    titles = [r["title"] for r in client.get("/suche/autocomplete", {"q": "Klimaanp"}).json()["results"]]
    assert "Klimaanpassung in Kommunen" in titles and "Hitzeschutz im Quartier" not in titles
    assert client.get("/suche/autocomplete", {"q": NONSENSE}).json()["results"] == []
