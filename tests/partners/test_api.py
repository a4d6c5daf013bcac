"""GET /api/v1/offers: exact filters, live and current offers only, German 4xx answers, OpenAPI."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .factories import PartnerFactory, SupportOfferFactory


@pytest.fixture
def offers(search_index):
    with search_index():  # the search index gets them (q goes through the engine)
        thex = PartnerFactory(name="ThEx")
        leg = PartnerFactory(name="LEG Thüringen")
        ilmenau = PartnerFactory(name="Stadtverwaltung Ilmenau", kind="municipality")
        return {
            "club": SupportOfferFactory(provider=thex, title="Nachfolge-Club", categories=["succession", "networking"],
                                        target_groups=["successor"], external_id="T-1"),
            "succession_advice": SupportOfferFactory(provider=thex, title="Nachfolgeberatung",
                                                     categories=["succession"], target_groups=["established"]),
            "invest": SupportOfferFactory(provider=leg, title="Ansiedlungsservice", categories=["location", "financing"],
                                          target_groups=["digital_firm", "established"]),
            "lotse": SupportOfferFactory(provider=ilmenau, title="Gründungslotse Ilmenau", categories=["location"],
                                         target_groups=["founder"], statewide=False, municipalities=["Ilmenau"]),
            "expired": SupportOfferFactory(provider=leg, title="Alte Nachfolgebörse", categories=["succession"],
                                           valid_until=timezone.localdate() - timedelta(days=3)),
            "draft": SupportOfferFactory(provider=leg, title="Entwurf Nachfolge", categories=["succession"], live=False),
        }


def get(client, **params):
    return client.get("/api/v1/offers", params)


def titles(response):
    assert response.status_code == 200, response.content
    return {row["title"] for row in response.json()["results"]}


def test_category_returns_exactly_the_succession_offers(client, offers):
    response = get(client, category="succession")
    assert titles(response) == {"Nachfolge-Club", "Nachfolgeberatung"}
    body = response.json()
    assert body["count"] == 2
    row = next(r for r in body["results"] if r["external_id"] == "T-1")
    assert row["provider"] == "ThEx"
    assert row["categories"] == ["succession", "networking"]
    assert row["url"].endswith(offers["club"].get_absolute_url())


def test_filters_are_exact_and_combine(client, offers):
    assert titles(get(client, category=["succession", "location"])) == {
        "Nachfolge-Club", "Nachfolgeberatung", "Ansiedlungsservice", "Gründungslotse Ilmenau",
    }
    assert titles(get(client, target_group="established")) == {"Nachfolgeberatung", "Ansiedlungsservice"}
    assert titles(get(client, category="succession", target_group="established")) == {"Nachfolgeberatung"}
    assert titles(get(client, provider="LEG Thüringen")) == {"Ansiedlungsservice"}
    assert titles(get(client, provider=offers["club"].provider.slug)) == {"Nachfolge-Club", "Nachfolgeberatung"}
    assert titles(get(client, city="Ilmenau", category="location")) == {"Ansiedlungsservice", "Gründungslotse Ilmenau"}
    assert titles(get(client, city="Erfurt", category="location")) == {"Ansiedlungsservice"}
    assert titles(get(client, q="Lotse")) == {"Gründungslotse Ilmenau"}
    assert titles(get(client, q="qqxxzz")) == set()


def test_expired_and_unapproved_offers_are_not_served(client, offers):
    all_titles = titles(get(client, page_size=100))
    assert "Alte Nachfolgebörse" not in all_titles
    assert "Entwurf Nachfolge" not in all_titles
    assert len(all_titles) == 4


def test_facets_and_paging(client, offers):
    body = get(client, page_size=2, page=2).json()
    assert body["count"] == 4 and len(body["results"]) == 2
    succession = next(f for f in body["facets"]["categories"] if f["value"] == "succession")
    assert succession == {"value": "succession", "label": "Unternehmensnachfolge", "count": 2}


@pytest.mark.parametrize(("params", "field", "reason"), [
    ({"category": "astrology"}, "category", "Unbekannte Kategorie „astrology“."),
    ({"target_group": "aliens"}, "target_group", "Unbekannte Zielgruppe „aliens“."),
    ({"city": "Atlantis"}, "city", "Die Kommune „Atlantis“ ist im Ortsverzeichnis nicht bekannt."),
    ({"provider": "Niemand GmbH"}, "provider", "Den Anbieter „Niemand GmbH“ gibt es nicht."),
    ({"page_size": "1000"}, "page_size", "Höchstens 100 Treffer pro Seite."),
    ({"page": "0"}, "page", "Die Seitenzahl beginnt bei 1."),
])
def test_bad_parameters_answer_400_with_field_and_reason(client, offers, params, field, reason):
    response = get(client, **params)
    assert response.status_code == 400
    assert response.json() == {"errors": [{"field": field, "reason": reason}]}


def test_non_numeric_page_answers_422_in_german(client, offers):
    response = get(client, page="zwei")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "page"


def test_openapi_lists_the_offers_endpoint(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/offers"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "category", "target_group", "provider", "city", "page", "page_size"} <= names
