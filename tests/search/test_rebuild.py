"""search_index --rebuild: versioned index behind the alias, public premises only."""

import pytest
from django.core.management import call_command

from search.client import get_client
from search.documents import DOCUMENTS, PremisesDocument
from search.indexes import versions
from tests.premises.factories import PremisesFactory


def ids_in_index(doc_cls):
    client = get_client()
    client.indices.refresh(index=doc_cls.alias())
    hits = client.search(index=doc_cls.alias(), body={"query": {"match_all": {}}, "size": 1000})["hits"]["hits"]
    return {int(h["_id"]) for h in hits}


def test_rebuild_indexes_public_premises_behind_alias(db):
    public = PremisesFactory(title="Bürofläche am Anger")
    draft = PremisesFactory(status="draft")
    let = PremisesFactory(status="let")
    call_command("search_index", rebuild=True, no_pages=True, verbosity=0)
    assert ids_in_index(PremisesDocument) == {public.pk}
    assert draft.pk not in ids_in_index(PremisesDocument) and let.pk not in ids_in_index(PremisesDocument)
    hit = get_client().search(index=PremisesDocument.alias(), body={"query": {"term": {"id": public.pk}}})["hits"]["hits"][0]
    assert hit["_source"]["location"] == {"lat": public.latitude, "lon": public.longitude}
    assert hit["_index"].startswith(PremisesDocument.alias() + "_v")


def test_second_rebuild_swaps_and_drops_old_version(db):
    PremisesFactory()
    call_command("search_index", rebuild=True, no_pages=True, verbosity=0)
    first = set(versions(PremisesDocument))
    call_command("search_index", rebuild=True, no_pages=True, verbosity=0)
    second = versions(PremisesDocument)
    assert len(second) == 1 and not first & set(second)
    assert all(second.values())


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_every_field_searched_for_typos_has_its_folded_copy(kind):
    # A typo field without ``.folded`` would be searched for typos nowhere, silently.
    doc_cls = DOCUMENTS[kind]
    properties = doc_cls.mapping()["properties"]
    for name in doc_cls.typo_fields:
        assert "folded" in properties[name].get("fields", {}), f"{kind}.{name}"
    assert "index_prefixes" in properties["title"]["fields"]["folded"]  # autocomplete completes titles
