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
