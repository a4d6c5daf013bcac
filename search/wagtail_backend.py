"""Wagtail's elasticsearch8 backend with the German analysis of search/analysis.py.

Pages (and every other model Wagtail indexes) still go through Wagtail's backend: its index
lifecycle (``update_index``, atomic rebuild behind an alias), its signals and its filters. Only
the mapping changes: every text field Wagtail maps without an analyzer (``title``, each
``SearchField``, the catch-all ``_all_text`` and the boosted ``_all_text_boost_*`` copies) gets
the built-in ``german`` analyzer plus the ``.parts`` and ``.folded`` subfields that premises,
offers and partners use, so search/query.py builds the same German query for pages.

Why a mapping subclass and not only ``INDEX_SETTINGS``: redefining the index's ``default``
analyzer would suffice on Elasticsearch, but osmem-server analyses queries with it while indexing
with ``standard`` (nothing stemmed matches there); and copy_to targets (``_all_text``) cannot get
subfields through ``es_extra``. Explicit analyzers per field behave the same on both engines.
"""

from __future__ import annotations

from copy import deepcopy

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from search.analysis import INDEX_SETTINGS, german_text

ALL_TEXT = "_all_text"
BOOSTED_PREFIX = "_all_text_boost_"


def is_short_field(name: str) -> bool:
    """Titles and the boosted copies (titles, codes): ngram parts and typo tolerance, as for
    premises' titles; everything else is long text (edge-ngram parts, exact folded words)."""
    return name == "title" or name.startswith(BOOSTED_PREFIX)


def _germanize(properties: dict) -> None:
    for name, spec in properties.items():
        if spec.get("type") == "nested":
            _germanize(spec.get("properties", {}))
        elif spec.get("type") == "text" and "analyzer" not in spec:
            spec.update(german_text(long_text=not is_short_field(name)).to_dict())


class GermanMapping(Elasticsearch8Mapping):
    # Wagtail's autocomplete grams are ASCII-folded when indexed; fold the query too ("Bü" finds "Büro").
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "imz_folded"}

    def get_mapping(self):
        mapping = super().get_mapping()
        _germanize(mapping["properties"])
        return mapping


class GermanSearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = GermanMapping


class GermanAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = GermanMapping


class GermanElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    mapping_class = GermanMapping
    query_compiler_class = GermanSearchQueryCompiler
    autocomplete_query_compiler_class = GermanAutocompleteQueryCompiler
    # Wagtail's analyzers plus ours (imz_ngram, imz_edge, imz_folded); INDEX_SETTINGS may add more.
    settings = deep_update(deepcopy(Elasticsearch8SearchBackend.settings), {"settings": {"analysis": INDEX_SETTINGS["analysis"]}})


SearchBackend = GermanElasticsearch8SearchBackend
