"""The public search page /suche/ and the autocomplete: grouped results, facets, highlights,
pages only when live and public, never restricted or under /intern/."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from tests.alliance.factories import NewsPageFactory
from tests.premises.factories import PartnerFactory, PremisesFactory

NONSENSE = "Xylqwertzpf"


@pytest.fixture
def content(home_page, committed):
    with committed():
        content = {
            "buero": PremisesFactory(title="Bürofläche am Anger", city="Erfurt", use_types=["office"]),
            "laden": PremisesFactory(title="Verkaufsraum am Markt", city="Jena", use_types=["retail"],
                                     features=["fiber"], latitude=50.9271, longitude=11.5892),
            "partner": PartnerFactory(name="Gründungsnetzwerk Jena", description="Beratung für Bürogründungen.",
                                      region="Jena"),
            "news": NewsPageFactory(title="Neue Büroräume für Gründer", teaser="Ein Büro für alle."),
            "secret": NewsPageFactory(title="Geheime Bürobesprechung", teaser="Nur für Mitglieder."),
        }
    PageViewRestriction.objects.create(page=content["secret"], restriction_type=PageViewRestriction.LOGIN)
    call_command("search_index", "--rebuild", "--only", "pages", verbosity=0)
    return content


def test_grouped_results_with_highlight_and_counts(client, content):
    page = client.get("/suche/", {"q": "Büro"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<mark>Bürofläche</mark>" in html
    assert "Gründungsnetzwerk Jena" in html  # partner description "Bürogründungen"
    assert "Neue <mark>Büroräume</mark> für Gründer" in html  # a public page, highlighted
    assert "Geheime Bürobesprechung" not in html  # restricted page never found
    assert "Verkaufsraum am Markt" not in html
    nothing = client.get("/suche/", {"q": NONSENSE}).content.decode()
    assert "Keine Treffer" in nothing and "Bürofläche" not in nothing


def test_facets_filter_and_count(client, content):
    html = client.get("/suche/", {"q": "Büro Markt Anger Jena", "typ": "premises"}).content.decode()
    assert "Keine Treffer" in html  # all words must match one listing
    html = client.get("/suche/", {"q": "Fläche Verkaufsraum Bürofläche"}).content.decode()
    assert "Keine Treffer" in html
    html = client.get("/suche/", {"q": "am"}).content.decode()  # stop word only
    assert "Bürofläche" not in html
    both = client.get("/suche/", {"q": "Erfurt Jena"}).content.decode()
    assert "Keine Treffer" in both
    jena = client.get("/suche/", {"q": "Glasfaser"})
    assert "Verkaufsraum am Markt" in jena.content.decode()
    facets = jena.context["result"].facets
    assert {"value": "Jena", "count": 1} in [{k: e[k] for k in ("value", "count")} for e in facets["municipality"]["values"]]
    assert [e["label"] for e in facets["use_type"]["values"]] == ["Einzelhandel / Laden"]
    office = client.get("/suche/", {"q": "Büro", "use_type": "office"}).context["result"]
    counts = {g.kind: g.count for g in office.groups}
    assert counts == {"premises": 1, "offers": 0, "partners": 0, "pages": 0}
    assert client.get("/suche/", {"q": NONSENSE, "use_type": "office"}).context["result"].total == 0


def premises_hits(client, **params):
    result = client.get("/suche/", params).context["result"]
    return {hit.id: hit for group in result.groups if group.kind == "premises" for hit in group.hits}


def test_radius_around_place(client, content):
    laden = content["laden"].pk
    near_jena = premises_hits(client, q="Verkaufsraum", ort="Jena", umkreis="5")
    assert list(near_jena) == [laden] and near_jena[laden].distance_km < 5
    assert "km entfernt" in client.get("/suche/", {"q": "Verkaufsraum", "ort": "Jena"}).content.decode()
    assert premises_hits(client, q="Verkaufsraum", ort="Erfurt", umkreis="5") == {}
    assert list(premises_hits(client, q="Verkaufsraum", ort="Erfurt", umkreis="50")) == [laden]  # Jena is ~40 km away
    assert premises_hits(client, q=NONSENSE, ort="Jena") == {}


def test_pagination_is_stable(client, home_page, committed):
    with committed():
        made = [PremisesFactory(title=f"Ladenfläche {n}") for n in range(45)]
    seen = []
    for number in (1, 2, 3):
        result = client.get("/suche/", {"q": "Ladenfläche", "typ": "premises", "seite": number}).context["result"]
        seen += [hit.id for hit in result.groups[0].hits]
    assert sorted(seen) == sorted(p.pk for p in made) and len(seen) == len(set(seen))
    assert client.get("/suche/", {"q": NONSENSE, "typ": "premises"}).context["result"].total == 0


def test_autocomplete_answers_while_typing(client, content):
    answer = client.get("/suche/autocomplete", {"q": "Bürofl"}).json()
    titles = [r["title"] for r in answer["results"]]
    assert "Bürofläche am Anger" in titles and "Verkaufsraum am Markt" not in titles
    assert all(r["url"] for r in answer["results"])
    secret = client.get("/suche/autocomplete", {"q": "Geheime"}).json()
    assert secret["results"] == []
    assert client.get("/suche/autocomplete", {"q": NONSENSE}).json()["results"] == []


@pytest.mark.parametrize("q", [
    '"', "((", "*", "\\", "a" * 10_000, '{"query": {"match_all": {}}}', "title:Büro AND NOT", "🏠🏪", "' OR 1=1 --",
    "Büro~2^5", "/[a-z]+/", "\x00",
])
def test_hostile_queries_never_500(client, content, q):
    for url in ("/suche/", "/suche/autocomplete", "/flaechen/"):
        answer = client.get(url, {"q": q})
        assert answer.status_code < 500, (url, q)
    html = client.get("/suche/", {"q": q}).content.decode()
    assert "Geheime Bürobesprechung" not in html
