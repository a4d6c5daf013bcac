"""Public partner directory and support offers: filters, detail pages, drafts and expired offers gone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .factories import SupportOfferFactory, offer_catalogue


@pytest.fixture
def offers(search_index):
    with search_index():  # the search index gets them (q goes through the engine)
        made = offer_catalogue()
        leg = made["leg"]
        return made | {
            "expired": SupportOfferFactory(
                provider=leg, title="Abgelaufene Förderrunde", categories=["succession"], target_groups=["successor"],
                valid_until=timezone.localdate() - timedelta(days=1),
            ),
            "draft": SupportOfferFactory(
                provider=leg, title="Unveröffentlichter Entwurf", categories=["succession"], target_groups=["successor"],
                live=False,
            ),
        }


def titles(response):
    return response.content.decode()


def test_offer_list_shows_live_current_offers_only(client, offers):
    html = titles(client.get("/angebote/"))
    assert "Nachfolge-Club" in html and "Gründungslotse Jena" in html
    assert "Abgelaufene Förderrunde" not in html
    assert "Unveröffentlichter Entwurf" not in html
    assert "3 Angebote gefunden" in html


def test_offer_valid_today_is_still_listed(client, offers, search_index):
    with search_index():
        SupportOfferFactory(provider=offers["leg"], title="Letzter Tag", valid_until=timezone.localdate())
    assert "Letzter Tag" in titles(client.get("/angebote/"))


@pytest.mark.parametrize(("params", "expected"), [
    ({"category": "succession"}, {"Nachfolge-Club"}),
    ({"category": ["microloan", "location"]}, {"Beantragung Mikrodarlehen", "Gründungslotse Jena"}),
    ({"target_group": "founder"}, {"Beantragung Mikrodarlehen", "Gründungslotse Jena"}),
    ({"stage": "founding"}, {"Beantragung Mikrodarlehen", "Gründungslotse Jena"}),  # no stages = all stages
    ({"cost": "subsidized"}, {"Beantragung Mikrodarlehen"}),
    ({"city": "Weimar"}, {"Nachfolge-Club", "Beantragung Mikrodarlehen"}),  # statewide only
    ({"city": "Jena"}, {"Nachfolge-Club", "Beantragung Mikrodarlehen", "Gründungslotse Jena"}),
    ({"provider": "ThEx"}, {"Nachfolge-Club", "Beantragung Mikrodarlehen"}),
    ({"q": "Mikrodarlehen"}, {"Beantragung Mikrodarlehen"}),
    ({"q": "thex"}, {"Nachfolge-Club", "Beantragung Mikrodarlehen"}),  # provider name, any case
    ({"q": "xqzwv"}, set()),
])
def test_offer_filters(client, offers, params, expected):
    html = titles(client.get("/angebote/", params))
    all_titles = {"Nachfolge-Club", "Beantragung Mikrodarlehen", "Gründungslotse Jena"}
    assert {t for t in all_titles if f">{t}</a>" in html} == expected


def test_bad_filters_answer_400_in_german(client, offers):
    response = client.get("/angebote/", {"category": "astrology", "city": "Atlantis"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unbekannte Kategorie „astrology“" in html
    assert "Die Kommune „Atlantis“ ist im Ortsverzeichnis nicht bekannt." in html


def test_offer_detail_and_hidden_ones(client, offers):
    response = client.get(offers["club"].get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unternehmensnachfolge" in html and "Nachfolgerin / Nachfolger (Übernahme)" in html
    assert client.get(offers["expired"].get_absolute_url()).status_code == 404
    assert client.get(offers["draft"].get_absolute_url()).status_code == 404


def test_partner_directory_and_detail(client, offers):
    html = titles(client.get("/partner/"))
    assert "ThEx" in html and "Stadt Jena" in html and "Kommune" in html
    html = titles(client.get(offers["leg"].get_absolute_url()))
    assert "LEG Thüringen" in html
    assert "Abgelaufene Förderrunde" not in html and "Unveröffentlichter Entwurf" not in html
    assert "Derzeit keine veröffentlichten Angebote." in html
    html = titles(client.get(offers["thex"].get_absolute_url()))
    assert "Nachfolge-Club" in html
    assert client.get("/partner/gibt-es-nicht/").status_code == 404


def test_sitemap_lists_public_offers_and_partners_only(client, offers, home_page):
    xml = client.get("/sitemap.xml").content.decode()
    assert offers["club"].get_absolute_url() in xml
    assert offers["thex"].get_absolute_url() in xml
    assert offers["expired"].get_absolute_url() not in xml
    assert offers["draft"].get_absolute_url() not in xml


def test_tags_link_to_the_offers_with_that_tag(client, offers, search_index):
    with search_index():
        offers["club"].tags.add("Nachfolge")
        offers["club"].save()
        offers["expired"].tags.add("Nachfolge")
        offers["expired"].save()
    html = client.get(offers["club"].get_absolute_url()).content.decode()
    assert "/angebote/?tag=Nachfolge" in html
    html = titles(client.get("/angebote/", {"tag": "nachfolge"}))
    assert ">Nachfolge-Club</a>" in html and "1 Angebot gefunden" in html
    api = client.get("/api/v1/offers", {"tag": "Nachfolge"}).json()
    assert [row["title"] for row in api["results"]] == ["Nachfolge-Club"]
