"""Editors extend the synonym file; ``search_synonyms`` loads it into the running engine, no rebuild."""

import os

import pytest
from django.core.management import call_command

from search import synonyms
from search.query import matching_ids
from tests.premises.factories import PremisesFactory

NONSENSE = "Xylqwertzpf"

pytestmark = pytest.mark.skipif(
    not os.environ.get("IMZ_ENGINE_CONFIG_DIRS"),
    reason="the engine's config folders are unknown (an engine started outside bin/test or bin/elasticsearch)",
)


def found(q):
    return set(matching_ids("premises", q) or [])


def test_an_added_synonym_is_found_after_the_reload_and_gone_after_the_next(db, committed, tmp_path, monkeypatch):
    with committed():
        house = PremisesFactory(title="Ehemaliges Kaffeehaus am Markt", description="Große Fenster.")
        PremisesFactory(title="Werkstatt im Hof", description="Rolltor.")
    assert found("Teestube") == set()
    edited = tmp_path / "synonyms.txt"
    edited.write_text(synonyms.SYNONYMS_FILE.read_text(encoding="utf-8") + "\nKaffeehaus, Teestube\n", encoding="utf-8")
    monkeypatch.setattr(synonyms, "SYNONYMS_FILE", edited)
    call_command("search_synonyms")
    assert found("Teestube") == {house.pk}
    assert found(NONSENSE) == set()
    monkeypatch.undo()
    call_command("search_synonyms")  # the repository's list again
    assert found("Teestube") == set()
