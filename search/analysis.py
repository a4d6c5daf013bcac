"""German text analysis, done by the engine: the index settings and the field types every document uses.

Texts (titles, descriptions, labels) are indexed with ``imz_german``:
- compounds split into their parts by the hyphenation decompounder (``search/lexicon``: Debian's
  German word list and the TeX hyphenation patterns), keeping the whole word: "Bürofläche" is
  found by "Bürofläche", "Büro" and "Fläche";
- German stop words, ``german_normalization`` (ä → a, ae → a, ß → ss), the light German stemmer
  (plurals, inflections) and ``asciifolding`` ("Café" → "cafe").
Queries are analysed with ``imz_german_search``: the same chain without the decompounder, plus the
synonyms of ``search/lexicon/synonyms.txt`` (``synonym_graph``, updateable: reloaded without a
rebuild, see ``search.synonyms``). A compound in a query is split by the query code into its
parts, each of which must match (search/query.py).

Each text also has ``.folded`` (whole words, lowercase + folding) for typo tolerance and prefixes
(autocomplete), queried with fuzziness only on short fields. Names (towns, streets, partners)
are not decompounded ("Altenburg" is no "Burg") and match by word beginnings
("Johannis" finds "Johannisstraße").
"""

from __future__ import annotations

from django.conf import settings
from opensearchpy import Keyword, Text

LEXICON = "imz"  # folder of the lexicon files in each node's config directory

ANALYSIS = {
    "filter": {
        "imz_decompound": {
            "type": "hyphenation_decompounder",
            "hyphenation_patterns_path": f"{LEXICON}/de-hyphenation.xml",
            "word_list_path": f"{LEXICON}/de-words.txt",
            "only_longest_match": True,
            "min_subword_size": 4,
            "min_word_size": 7,
        },
        "imz_stop": {"type": "stop", "stopwords": "_german_"},
        # Words the light stemmer would turn into other words ("eisen" → "eis"): left as they are.
        "imz_protect": {"type": "keyword_marker", "keywords_path": f"{LEXICON}/protected-words.txt"},
        "imz_stem": {"type": "stemmer", "language": "light_german"},
        "imz_synonyms": {
            "type": "synonym_graph",
            "synonyms_path": f"{LEXICON}/synonyms.txt",
            "updateable": True,
        },
        "imz_prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
    },
    "analyzer": {
        "imz_german": {
            "type": "custom", "tokenizer": "standard",
            "filter": ["lowercase", "imz_decompound", "imz_stop", "german_normalization", "imz_protect", "imz_stem",
                       "asciifolding"],
        },
        "imz_german_search": {
            "type": "custom", "tokenizer": "standard",
            "filter": ["lowercase", "imz_stop", "german_normalization", "imz_protect", "imz_stem", "asciifolding",
                       "imz_synonyms"],
        },
        # The typed word itself, without synonyms: scored on top, so "Kanzlei" lists Kanzleiräume
        # before the offices its synonyms find.
        "imz_german_plain": {
            "type": "custom", "tokenizer": "standard",
            "filter": ["lowercase", "imz_stop", "german_normalization", "imz_protect", "imz_stem", "asciifolding"],
        },
        # For the query code only (``_analyze``): the parts of a compound a visitor typed.
        "imz_parts": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "imz_decompound"]},
        "imz_folded": {
            "type": "custom", "tokenizer": "standard", "filter": ["lowercase", "german_normalization", "asciifolding"],
        },
        # Names: whole words and their beginnings, no decompounding, no stemming.
        "imz_name": {
            "type": "custom", "tokenizer": "standard", "filter": ["lowercase", "german_normalization", "asciifolding"],
        },
        "imz_name_prefixes": {
            "type": "custom", "tokenizer": "standard",
            "filter": ["lowercase", "german_normalization", "asciifolding", "imz_prefixes"],
        },
    },
    "normalizer": {
        "imz_sort": {"type": "custom", "filter": ["lowercase", "german_normalization", "asciifolding"]},
    },
}


def index_settings(*, building: bool = False) -> dict:
    """Settings of a new index. ``building``: filled in bulk before anyone reads it (no refreshes,
    no replicas); ``search.indexes.finish_version`` restores the served values."""
    return {
        "number_of_shards": 1,
        "number_of_replicas": 0 if building else settings.SEARCH_REPLICAS,
        "refresh_interval": "-1" if building else "1s",
        "analysis": ANALYSIS,
    }


def _folded(*, prefixes: bool = False) -> Text:
    # Titles index their prefixes (2–10 letters), so autocomplete is a term lookup rather than a scan.
    if prefixes:
        return Text(analyzer="imz_folded", index_prefixes={"min_chars": 2, "max_chars": 10})
    return Text(analyzer="imz_folded")


def german_text(*, typos: bool = True, prefixes: bool = False, **kwargs) -> Text:
    """A text searched in German (parts, stems, synonyms) and, through ``.folded``, as typed and
    with typos (``typos``: only the short fields a document lists in ``typo_fields``; a long text
    has no ``.folded``). ``prefixes``: the title, which autocomplete completes."""
    fields = {"folded": _folded(prefixes=prefixes)} if typos else {}
    return Text(analyzer="imz_german", search_analyzer="imz_german_search", fields=fields, **kwargs)


def name_text(**kwargs) -> Text:
    """A name (street, town in running text): whole words, folded; ``.prefix`` for word beginnings."""
    return Text(
        analyzer="imz_name",
        fields={"prefix": Text(analyzer="imz_name_prefixes", search_analyzer="imz_name"), "folded": _folded()},
        **kwargs,
    )


def name_keyword(**kwargs) -> Keyword:
    """An exact value for facets and filters (a town, a provider) that is also searchable as a name."""
    return Keyword(
        fields={
            "text": Text(analyzer="imz_name"),
            "prefix": Text(analyzer="imz_name_prefixes", search_analyzer="imz_name"),
            "folded": _folded(),
        },
        **kwargs,
    )


_SORT_FOLDING = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def sort_key(text: str) -> str:
    """Alphabetical order as German readers expect it (DIN 5007-1): case-blind, "Ä" with "A".

    Indexed as a keyword (``title_sort``) and used by the database fallback, so both order alike."""
    return (text or "").casefold().translate(_SORT_FOLDING).strip()
