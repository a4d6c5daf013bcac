"""German text analysis that behaves the same on osmem and on a real Elasticsearch cluster.

Only built-in pieces, as multi-fields of every searchable text:
- the field itself: the built-in ``german`` analyzer (stemming: plurals, inflections);
- ``.parts``: compound parts with lowercase + asciifolding ("Büro" and "fläche" find
  "Bürofläche", "Cafe" finds "Café"): ngrams on short fields (titles, labels, names), edge-ngrams
  (word beginnings) on long texts, where full ngrams would make indexing several times slower,
  and on fields whose word ends buy nothing (streets, towns: "Johannis" finds "Johannisstraße",
  while "straße" would find every street);
- ``.folded``: whole words, lowercase + asciifolding; the only subfield queried with fuzziness.
Wagtail's page index gets the same fields (search/wagtail_backend.py).
No custom german_normalization/stemmer chains and no synonym/decompounder filters: synonyms and
umlaut transliteration ("Buero" ↔ "Büro") are expanded in Python at query time (search/query.py).
Vocabulary labels (use types, features) are not indexed at all: search/labels.py matches them at
query time and searches their codes.
"""

from __future__ import annotations

from elasticsearch_dsl import Keyword, Text

NGRAM_MIN = 3
NGRAM_MAX = 12

INDEX_SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "max_ngram_diff": NGRAM_MAX - NGRAM_MIN,
    "analysis": {
        "tokenizer": {
            "imz_ngram": {
                "type": "ngram", "min_gram": NGRAM_MIN, "max_gram": NGRAM_MAX, "token_chars": ["letter", "digit"],
            },
            "imz_edge": {
                "type": "edge_ngram", "min_gram": NGRAM_MIN, "max_gram": 20, "token_chars": ["letter", "digit"],
            },
        },
        "analyzer": {
            "imz_ngram": {"type": "custom", "tokenizer": "imz_ngram", "filter": ["lowercase", "asciifolding"]},
            "imz_edge": {"type": "custom", "tokenizer": "imz_edge", "filter": ["lowercase", "asciifolding"]},
            "imz_folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        },
    },
}


def _subfields(word_starts: bool) -> dict:
    return {
        "parts": Text(analyzer="imz_edge" if word_starts else "imz_ngram", search_analyzer="imz_folded"),
        "folded": Text(analyzer="imz_folded"),
    }


def german_text(long_text: bool = False, *, word_starts: bool = False, **kwargs) -> Text:
    """A text field searched three ways: stemmed German, compound parts, typo-tolerant words.
    Long texts and ``word_starts`` fields get only word beginnings as parts (edge-ngrams)."""
    return Text(analyzer="german", fields=_subfields(long_text or word_starts), **kwargs)


def german_keyword(*, word_starts: bool = False, **kwargs) -> Keyword:
    """An exact value (for facets and filters) that is also searchable as German text."""
    return Keyword(fields={"text": Text(analyzer="german"), **_subfields(word_starts)}, **kwargs)


_SORT_FOLDING = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def sort_key(text: str) -> str:
    """Alphabetical order as German readers expect it (DIN 5007-1): case-blind, "Ä" with "A".

    Indexed as a keyword (``title_sort``) and used by the database fallback, so both order alike."""
    return (text or "").casefold().translate(_SORT_FOLDING).strip()
