"""GET /api/v1/offers and /angebote/ answer from ONE search-engine query: exact filters, validity,
German full text, facets from aggregations, sort and stable pages; only the page's rows come from
the database; while the engine is away the database gives the same answers."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from partners.models import SupportOfferTag
from tests.partners.factories import PartnerFactory, SupportOfferFactory, offer_catalogue

NONSENSE = "Xylqwertzpf"
DEAD_ENGINE = "http://127.0.0.1:9"  # nothing listens there: connection refused at once


@pytest.fixture
def catalogue(committed):
    with committed():
        made = offer_catalogue()
        leg = made["leg"]
        made.update({
            "doctors": SupportOfferFactory(
                provider=leg, title="Ärztehaus-Standortberatung", categories=["location"],
                target_groups=["established"], stages=["growth"], cost="paid", statewide=False,
                municipalities=["Erfurt", "Weimar"],
            ),
            "last_day": SupportOfferFactory(
                provider=leg, title="Zuschuss bis heute", categories=["financing"], target_groups=["established"],
                stages=["growth", "established"], cost="subsidized", valid_until=timezone.localdate(),
            ),
        })
        made["club"].tags.add("Nachfolge", "Übergabe")
        made["club"].save()
    return made


def get(client, **params):
    response = client.get("/api/v1/offers", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, **params):
    return [row["title"] for row in get(client, page_size=100, **params)["results"]]


ALL = {"Nachfolge-Club", "Beantragung Mikrodarlehen", "Gründungslotse Jena", "Ärztehaus-Standortberatung",
       "Zuschuss bis heute"}


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ALL),
    ({"category": "location"}, {"Gründungslotse Jena", "Ärztehaus-Standortberatung"}),
    ({"category": ["microloan", "networking"]}, {"Beantragung Mikrodarlehen", "Nachfolge-Club"}),
    ({"target_group": "established"}, {"Ärztehaus-Standortberatung", "Zuschuss bis heute"}),
    ({"target_group": ["successor", "founder"], "category": "location"}, {"Gründungslotse Jena"}),
    ({"stage": "founding"}, {"Beantragung Mikrodarlehen", "Gründungslotse Jena"}),  # no stages = every stage
    ({"stage": "idea"}, {"Gründungslotse Jena"}),
    ({"stage": ["succession", "established"]}, {"Nachfolge-Club", "Gründungslotse Jena", "Zuschuss bis heute"}),
    ({"cost": "subsidized"}, {"Beantragung Mikrodarlehen", "Zuschuss bis heute"}),
    ({"cost": ["free", "paid"]}, {"Nachfolge-Club", "Gründungslotse Jena", "Ärztehaus-Standortberatung"}),
    ({"city": "Gera"}, {"Nachfolge-Club", "Beantragung Mikrodarlehen", "Zuschuss bis heute"}),  # statewide only
    ({"city": "Jena"}, {"Nachfolge-Club", "Beantragung Mikrodarlehen", "Zuschuss bis heute", "Gründungslotse Jena"}),
    ({"city": "Weimar", "category": "location"}, {"Ärztehaus-Standortberatung"}),
    ({"provider": "ThEx"}, {"Nachfolge-Club", "Beantragung Mikrodarlehen"}),
    ({"provider": "leg-thueringen"}, {"Ärztehaus-Standortberatung", "Zuschuss bis heute"}),
    ({"tag": "nachfolge"}, {"Nachfolge-Club"}),  # tags ignore case
    ({"tag": "Betrieb"}, set()),  # a tag is matched whole
    ({"q": "Mikrodarlehen"}, {"Beantragung Mikrodarlehen"}),
    ({"q": "Kleinkredite"}, {"Beantragung Mikrodarlehen"}),  # German stemming, from the engine
    ({"q": "Arztehaus"}, {"Ärztehaus-Standortberatung"}),  # umlaut folding, from the engine
    ({"q": "Nachfolge", "provider": "ThEx", "cost": "free"}, {"Nachfolge-Club"}),
    ({"q": NONSENSE}, set()),
    ({"q": NONSENSE, "category": "location"}, set()),
])
def test_each_filter_is_exact(client, catalogue, params, expected):
    found = titles(client, **params)
    assert set(found) == expected
    assert len(found) == len(expected)
    assert get(client, **params)["count"] == len(expected)


def test_the_list_reads_the_index(client, catalogue, committed):
    SupportOfferFactory(title="Noch nicht im Index", provider=catalogue["club"].provider)
    assert "Noch nicht im Index" not in titles(client)  # the sync waits for the commit
    with committed():
        SupportOfferFactory(title="Jetzt im Index", provider=catalogue["club"].provider)
    assert "Jetzt im Index" in titles(client)
    assert titles(client, q=NONSENSE) == []


def test_facet_counts_come_with_the_filters(client, catalogue):
    facets = get(client)["facets"]
    assert facets["categories"] == [
        {"value": "financing", "label": "Finanzierung und Förderung", "count": 2},
        {"value": "location", "label": "Standortsuche und -beratung", "count": 2},
        {"value": "microloan", "label": "Mikrodarlehen", "count": 1},
        {"value": "succession", "label": "Unternehmensnachfolge", "count": 1},
        {"value": "networking", "label": "Vernetzung", "count": 1},
    ]
    assert facets["target_groups"] == [
        {"value": "founder", "label": "Gründerin / Gründer", "count": 2},
        {"value": "established", "label": "Bestandsunternehmen", "count": 2},
        {"value": "successor", "label": "Nachfolgerin / Nachfolger (Übernahme)", "count": 1},
    ]
    assert facets["provider"] == [
        {"value": "leg-thueringen", "label": "LEG Thüringen", "count": 2},
        {"value": "thex", "label": "ThEx", "count": 2},
        {"value": "stadt-jena", "label": "Stadt Jena", "count": 1},
    ]
    narrowed = get(client, city="Gera", page_size=1)["facets"]  # counts cover every page, not only this one
    assert narrowed["provider"] == [
        {"value": "thex", "label": "ThEx", "count": 2},
        {"value": "leg-thueringen", "label": "LEG Thüringen", "count": 1},
    ]
    assert {f["value"]: f["count"] for f in narrowed["categories"]} == {
        "financing": 2, "microloan": 1, "succession": 1, "networking": 1,
    }
    assert get(client, q=NONSENSE)["facets"] == {"categories": [], "target_groups": [], "provider": []}


def test_an_offer_that_expired_after_indexing_is_absent(client, catalogue, committed, monkeypatch):
    with committed():
        SupportOfferFactory(title="Nur bis morgen", valid_until=timezone.localdate() + timedelta(days=1))
        SupportOfferFactory(title="Längst abgelaufen", valid_until=timezone.localdate() - timedelta(days=1))
    assert "Nur bis morgen" in titles(client) and "Zuschuss bis heute" in titles(client)
    assert "Längst abgelaufen" not in titles(client)
    the_day_after_tomorrow = timezone.localdate() + timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: the_day_after_tomorrow)
    assert set(titles(client)) == ALL - {"Zuschuss bis heute"}  # still in the index, but past its validity
    assert get(client, category="financing")["facets"]["categories"] == [
        {"value": "financing", "label": "Finanzierung und Förderung", "count": 1},
        {"value": "microloan", "label": "Mikrodarlehen", "count": 1},
    ]
    assert titles(client, q=NONSENSE) == []


def test_sort_orders(client, catalogue, committed):
    # Without a text: alphabetical, "Ä" with "A" (DIN 5007); with a text: best match first.
    assert titles(client) == [
        "Ärztehaus-Standortberatung", "Beantragung Mikrodarlehen", "Gründungslotse Jena", "Nachfolge-Club",
        "Zuschuss bis heute",
    ]
    assert titles(client, sort="date") == [
        "Zuschuss bis heute", "Ärztehaus-Standortberatung", "Gründungslotse Jena", "Beantragung Mikrodarlehen",
        "Nachfolge-Club",
    ]
    # "Nachfolge" is in the club's title and tag, only in the loan's description.
    assert titles(client, q="Nachfolge") == ["Nachfolge-Club", "Beantragung Mikrodarlehen"]
    assert titles(client, q="Nachfolge", sort="title") == ["Beantragung Mikrodarlehen", "Nachfolge-Club"]
    assert titles(client, q=NONSENSE, sort="date") == []


def test_bad_sort_answers_400_in_german(client, catalogue):
    response = client.get("/api/v1/offers", {"sort": "rent"})
    assert response.status_code == 400
    assert response.json() == {"errors": [{
        "field": "sort", "reason": "Unbekannte Sortierung „rent“ (relevance, title oder date).",
    }]}
    assert client.get("/angebote/", {"sort": "rent"}).status_code == 400


@pytest.fixture
def many(committed):
    with committed():
        provider = PartnerFactory(name="Gründerzentrum")
        for n in range(55):
            # Pairs of equal titles: the order needs its tie-break to stay stable across pages.
            SupportOfferFactory(provider=provider, title=f"Sprechstunde {n // 2:02d}",
                                categories=["business_plan", "mentoring"] if n % 3 else ["business_plan"])
        SupportOfferFactory(title="Nachfolgebörse", categories=["succession"])


@pytest.mark.parametrize("sort", ["", "title", "date", "relevance"])
def test_pages_neither_repeat_nor_skip(client, many, sort):
    everything = get(client, page_size=100, sort=sort)["results"]
    pages = [get(client, page_size=10, page=page, sort=sort) for page in range(1, 8)]
    assert all(page["count"] == 56 for page in pages)
    paged = [row for page in pages for row in page["results"]]
    assert [row["id"] for row in paged] == [row["id"] for row in everything]
    assert len({row["id"] for row in paged}) == 56
    assert get(client, page=50, page_size=10)["results"] == []
    assert get(client, q=NONSENSE, sort=sort)["count"] == 0


def test_the_database_work_does_not_grow_with_the_page_size(client, many):
    def queries(page_size):
        with CaptureQueriesContext(connection) as captured:
            body = get(client, page_size=page_size)
        assert len(body["results"]) == page_size
        return len(captured)

    assert queries(10) == queries(50)
    with CaptureQueriesContext(connection) as captured:
        get(client, page_size=50, q=NONSENSE)
    assert len(captured) <= queries(10)


FALLBACK_CASES = [
    {},
    {"category": "location"},
    {"stage": "founding", "cost": "free"},
    {"city": "Jena", "page_size": 2, "page": 2},
    {"city": "Weimar"},
    {"provider": "ThEx", "sort": "date"},
    {"tag": "nachfolge"},
    {"target_group": "established", "sort": "title"},
    {"q": "Mikrodarlehen"},
    # Not "Standortberatung": the engine also finds the label "Standortsuche und -beratung", the database not.
    {"q": "Ärztehaus", "category": "location"},
    {"q": NONSENSE},
]


def test_the_database_answers_the_same_while_the_engine_is_away(client, catalogue, settings):
    answers = [get(client, **params) for params in FALLBACK_CASES]
    assert answers[-1]["count"] == 0
    settings.ELASTICSEARCH_URL = DEAD_ENGINE
    for params, answer in zip(FALLBACK_CASES, answers, strict=True):
        assert get(client, **params) == answer, params
    html = client.get("/angebote/", {"category": "location"}).content.decode()
    assert "2 Angebote gefunden" in html and "Gründungslotse Jena" in html


def test_tagging_an_offer_reaches_the_index(client, catalogue, committed):
    loan = catalogue["microloan"]
    with committed():  # a tag row written on its own (not through the offer's save)
        SupportOfferTag.objects.create(content_object=loan, tag=Tag.objects.create(name="Kredit", slug="kredit"))
    assert titles(client, tag="kredit") == ["Beantragung Mikrodarlehen"]
    with committed():
        tag = Tag.objects.get(slug="kredit")
        tag.name = "Darlehen"
        tag.save()
    assert titles(client, tag="Darlehen") == ["Beantragung Mikrodarlehen"]
    assert titles(client, tag="Kredit") == []
    with committed():
        loan.tags.remove("Darlehen")
        loan.save()
    assert titles(client, tag="Darlehen") == []
    assert titles(client, tag=NONSENSE) == []


def test_public_list_sorts_and_pages_through_the_engine(client, many):
    html = client.get("/angebote/", {"sort": "date", "page_size": 10}).content.decode()
    assert "56 Angebote gefunden" in html and "Seite 1 von 6" in html
    assert html.index("Nachfolgebörse") < html.index("Sprechstunde 27")
    html = client.get("/angebote/", {"q": NONSENSE}).content.decode()
    assert "0 Angebote gefunden" in html
