"""German text analysis that behaves the same on osmem and on a real Elasticsearch cluster.

Only built-in pieces: the ``german`` analyzer (stemming: plurals, inflections), an ngram
subfield with lowercase + asciifolding (compounds: "Büro" finds "Bürofläche", "Cafe" finds
"Café"), and a folded whole-word subfield that alone gets fuzziness (typos). No custom
german_normalization/stemmer chains and no synonym/decompounder filters: synonyms and umlaut
transliteration ("Buero" ↔ "Büro") are expanded in Python at query time (search/query.py).
"""

from __future__ import annotations

from elasticsearch_dsl import Keyword, Text

NGRAM_MIN = 3
NGRAM_MAX = 20

INDEX_SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "max_ngram_diff": NGRAM_MAX - NGRAM_MIN,
    "analysis": {
        "tokenizer": {
            "imz_ngram": {
                "type": "ngram",
                "min_gram": NGRAM_MIN,
                "max_gram": NGRAM_MAX,
                "token_chars": ["letter", "digit"],
            },
        },
        "analyzer": {
            "imz_ngram": {"type": "custom", "tokenizer": "imz_ngram", "filter": ["lowercase", "asciifolding"]},
            "imz_folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        },
    },
}


def german_text(**kwargs) -> Text:
    """A text field searched three ways: stemmed German, compound parts (ngram), typo-tolerant words."""
    return Text(
        analyzer="german",
        fields={
            "ngram": Text(analyzer="imz_ngram", search_analyzer="imz_folded"),
            "folded": Text(analyzer="imz_folded"),
        },
        **kwargs,
    )


def german_keyword(**kwargs) -> Keyword:
    """An exact value (for facets and filters) that is also searchable as German text."""
    return Keyword(
        fields={
            "text": Text(analyzer="german"),
            "ngram": Text(analyzer="imz_ngram", search_analyzer="imz_folded"),
            "folded": Text(analyzer="imz_folded"),
        },
        **kwargs,
    )
