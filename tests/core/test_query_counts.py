"""SQL queries per page, through HTTP: a handful per search or results page whatever the page size,
at most ten for the home page. The site frame (menu, footer, sharing image) is built once per
generation (core.selectors.site_frame), so each test asks once to build it and counts the next
requests. Matching keeps target-mix gaps and offers per memo generation (matching.memo): the
matching tests count a first request of a generation and the next one."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from matching import memo
from premises.models import PremisesImage
from tests.alliance import factories as pages
from tests.matching.factories import SupportOfferFactory
from tests.premises.factories import ERFURT, PremisesFactory
from tests.vacancy.factories import TownFactory, UnitFactory, target_mix

pytestmark = pytest.mark.django_db

NONSENSE = "Xylqwertzpf"
WEIMAR = (50.9803, 11.3290)


def counted(client, assert_max, limit, method, url, body=None):
    """(response, number of queries) of one request, failing when it needs more than ``limit``."""
    with assert_max(limit) as queries:
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200, response.content[:500]
    return response, len(queries.captured_queries)


@pytest.fixture
def listings(home_page, search_index):
    """Twelve listings with a photo each, in two towns that both have a target mix with gaps."""
    with search_index():
        for n in range(12):
            town = ERFURT if n % 2 else WEIMAR
            premises = PremisesFactory(title=f"Ladenlokal {n:02d}", city="Erfurt" if n % 2 else "Weimar",
                                       latitude=town[0], longitude=town[1], use_types=["retail", "gastronomy"])
            PremisesImage.objects.create(premises=premises, image=pages.ImageFactory(), sort_order=0)
        for n in range(12):
            SupportOfferFactory(title=f"Gründungsberatung {n:02d}", categories=["business_plan"])
    for city, partner in (("Erfurt", "Stadt Erfurt"), ("Weimar", "Stadt Weimar")):
        town = TownFactory(name=partner)
        target_mix(town, city, {"retail": 40, "gastronomy": 30, "office": 30})
        UnitFactory(municipality=town, city=city, use="office")
        UnitFactory(municipality=town, city=city, use="vacant")
    return home_page


def test_premises_list_page_needs_the_same_few_queries_at_every_page_size(client, listings,
                                                                           django_assert_max_num_queries):
    client.get("/flaechen/")  # builds the site frame
    small, at_5 = counted(client, django_assert_max_num_queries, 5, "GET", "/flaechen/?q=Ladenlokal&page_size=5")
    large, at_12 = counted(client, django_assert_max_num_queries, 5, "GET", "/flaechen/?q=Ladenlokal&page_size=12")

    assert small.content.decode().count('class="card-image"') == 5
    assert large.content.decode().count('class="card-image"') == 12
    assert at_5 == at_12
    assert "Ladenlokal" not in client.get(f"/flaechen/?q={NONSENSE}").content.decode()


def test_matching_results_page_needs_the_same_few_queries_at_every_limit(client, listings,
                                                                        django_assert_max_num_queries):
    url = "/passend/ergebnisse/?kind=founder&use_types=gastronomy&city=Erfurt&radius_km=50&needs=business_plan&limit="
    client.get(url + "3")
    memo.forget()  # gaps and offers are read again (and kept for the next request)
    small, at_3 = counted(client, django_assert_max_num_queries, 4, "GET", url + "3")
    memo.forget()
    large, at_12 = counted(client, django_assert_max_num_queries, 4, "GET", url + "12")
    again, kept = counted(client, django_assert_max_num_queries, 4, "GET", url + "12")

    html = large.content.decode()
    assert html.count("Ladenlokal") >= 12 > small.content.decode().count("Ladenlokal")
    assert "Zielmix der Altstadt: Gastronomie fehlt" in html  # target-mix gaps of both towns, read at once
    assert at_3 == at_12
    assert "Zielmix der Altstadt: Gastronomie fehlt" in again.content.decode()
    assert kept == at_12 - 3  # no gaps (two queries) or offers (one)


def test_matches_api_needs_the_same_few_queries_at_every_limit(client, listings, django_assert_max_num_queries):
    body = {"kind": "founder", "use_types": ["gastronomy"], "location": {"city": "Erfurt"}, "radius_km": 50,
            "needs": ["business_plan"], "text": "Ladenlokal"}
    small, at_3 = counted(client, django_assert_max_num_queries, 4, "POST", "/api/v1/matches", dict(body, limit=3))
    memo.forget()  # gaps and offers are read again (and kept for the next request)
    large, at_12 = counted(client, django_assert_max_num_queries, 4, "POST", "/api/v1/matches",
                           dict(body, limit=12))
    again, kept = counted(client, django_assert_max_num_queries, 4, "POST", "/api/v1/matches", dict(body, limit=12))

    assert len(small.json()["premises"]) == 3 and len(large.json()["premises"]) == 12
    assert any("Zielmix" in reason for item in large.json()["premises"] for reason in item["reasons"])
    assert large.json()["offers"]
    assert at_3 == at_12
    assert again.content == large.content and kept == at_12 - 3  # no gaps (two queries) or offers (one)
    nothing = client.post("/api/v1/matches", dict(body, text=NONSENSE, use_types=["craft"]),
                          content_type="application/json")
    assert not [item for item in nothing.json()["premises"] if NONSENSE in item["title"]]


def test_offers_api_needs_the_same_few_queries_at_every_page_size(client, listings, django_assert_max_num_queries):
    small, at_3 = counted(client, django_assert_max_num_queries, 5, "GET", "/api/v1/offers?page_size=3")
    large, at_12 = counted(client, django_assert_max_num_queries, 5, "GET", "/api/v1/offers?page_size=12")

    assert len(small.json()["results"]) == 3 and len(large.json()["results"]) == 12
    assert at_3 == at_12
    assert client.get(f"/api/v1/offers?q={NONSENSE}").json()["results"] == []


def test_site_search_needs_a_few_queries_whatever_it_finds(client, listings, django_assert_max_num_queries):
    for n in range(3):
        pages.NewsPageFactory(title=f"Neues Ladenlokal {n}", teaser="Eröffnung in Erfurt.")
    pages.WorkingGroupPageFactory(title="AG Ladenlokal und Leerstand", intro="<p>Die AG zu Ladenlokalen.</p>")
    call_command("search_index", "--rebuild", "--only", "pages", verbosity=0)
    client.get("/suche/?q=Ladenlokal")
    response, _ = counted(client, django_assert_max_num_queries, 5, "GET", "/suche/?q=Ladenlokal")
    listed, _ = counted(client, django_assert_max_num_queries, 5, "GET", "/suche/?q=Ladenlokal&typ=pages")

    html = response.content.decode().replace("<mark>", "").replace("</mark>", "")  # titles come highlighted
    assert "Ladenlokal 0" in html and "AG Ladenlokal und Leerstand" in html and "Neues Ladenlokal 1" in html
    listed_html = listed.content.decode().replace("<mark>", "").replace("</mark>", "")
    assert "Die AG zu Ladenlokalen." in listed_html  # the intro, read without a query per page type
    assert "Ladenlokal" not in client.get(f"/suche/?q={NONSENSE}").content.decode()


def test_home_page_needs_at_most_ten_queries(client, home_page, django_assert_max_num_queries):
    pages.WorkingGroupPageFactory(title="AG Handel")
    pages.NewsPageFactory(title="Förderaufruf gestartet")
    pages.EventPageFactory(title="Bündnistreffen", start=timezone.now() + timedelta(days=3))
    client.get("/")
    response, _ = counted(client, django_assert_max_num_queries, 10, "GET", "/")

    html = response.content.decode()
    assert "AG Handel" in html and "Förderaufruf gestartet" in html and "Bündnistreffen" in html
