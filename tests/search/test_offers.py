"""Support offers in the index: German labels, tags and synonyms find them; unpublishing removes them."""

import pytest

from search.query import matching_ids
from tests.partners.factories import PartnerFactory, SupportOfferFactory

NONSENSE = "Xylqwertzpf"


@pytest.fixture
def offers(db, committed):
    with committed():
        thex = PartnerFactory(name="ThEx Thüringen")
        made = {
            "loan": SupportOfferFactory(provider=thex, title="Kleinkredit für Gründende", categories=["microloan"],
                                        description="Schnelle Hilfe."),
            "succession": SupportOfferFactory(provider=thex, title="Nachfolge-Club", categories=["succession"],
                                              description="Treffen für Übergebende."),
        }
        made["succession"].tags.add("Betriebsübergabe")
        made["succession"].save()
    return made


def found(q):
    return set(matching_ids("offers", q) or [])


def test_category_labels_tags_provider_and_synonyms(offers):
    loan, succession = offers["loan"].pk, offers["succession"].pk
    assert found("Mikrodarlehen") == {loan}  # category label
    assert found("Betriebsübergabe") == {succession}  # tag
    assert found("Unternehmensnachfolge") == {succession}  # label and synonym of "Nachfolge"
    assert found("Übernahme") == {succession}  # synonym
    assert found("ThEx") == {loan, succession}  # provider
    assert found("Kleinkredite") == {loan}  # plural
    assert found(NONSENSE) == set()


def test_unpublished_offer_leaves_the_index(offers, committed):
    with committed():
        offers["loan"].live = False
        offers["loan"].save()
    assert found("Mikrodarlehen") == set()
    assert found(NONSENSE) == set()


def test_an_offer_saved_with_its_tags_reaches_the_index_in_one_request(db, committed, monkeypatch):
    from search import services

    with committed():
        provider = PartnerFactory(name="IHK Erfurt")
    sent = []
    client = services.get_write_client()
    real_bulk = client.bulk
    monkeypatch.setattr(client, "bulk", lambda *args, **kw: (sent.append(kw.get("body")), real_bulk(*args, **kw))[1])
    with committed():
        offer = SupportOfferFactory(provider=provider, title="Gründungsberatung Altstadt")
        offer.tags.add("Ladenlokal", "Förderung", "Nachfolge")
        offer.save()
    assert len(sent) == 1  # the offer and its three tag rows: one request, not four
    assert found("Ladenlokal") == {offer.pk}
    assert found(NONSENSE) == set()
