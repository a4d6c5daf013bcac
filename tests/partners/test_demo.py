"""The partners' demo seed: idempotent, with working partner logins and one change awaiting approval."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.urls import reverse

from partners import demo
from partners.models import Partner, SupportOffer


@pytest.fixture
def seeded(search_index, settings):
    settings.DEMO_LOGINS_ENABLED = True
    command = SimpleNamespace(stdout=StringIO())
    with search_index():  # the public API reads the search index
        demo.seed(command)
    return command


def test_seed_twice_gives_the_same_content(seeded):
    counts = (Partner.objects.count(), SupportOffer.objects.count())
    assert counts[1] == 6 + len(demo.OFFERS) + 1  # sample file, slides, the pending change
    demo.seed(SimpleNamespace(stdout=StringIO()))
    assert (Partner.objects.count(), SupportOffer.objects.count()) == counts
    assert Partner.objects.filter(name__in=["ThEx", "LEG Thüringen", "TMWWDG", "IHK Erfurt", "Stadt Jena"]).count() == 5


def test_demo_partner_login_sees_own_offers_and_the_pending_state(client, seeded):
    username, password = demo.THEX_LOGIN
    assert client.login(username=username, password=password)
    html = client.get(reverse("wagtailsnippets_partners_supportoffer:list"), {"per_page": 100}).content.decode()
    assert "Nachfolge-Club" in html
    assert "Thüringen International" not in html  # a LEG offer
    assert "wartet auf Freigabe" in html
    public = client.get("/api/v1/offers", {"page_size": 100}).json()
    assert public["count"] == 6 + len(demo.OFFERS)
    assert demo.PENDING_TITLE not in {row["title"] for row in public["results"]}


def test_demo_offers_carry_tags(client, seeded):
    offer = SupportOffer.objects.get(external_id="DEMO-THEX-05")
    assert set(offer.tags.names()) == {"Nachfolge"}
    assert "Nachfolge" in client.get(offer.get_absolute_url()).content.decode()
