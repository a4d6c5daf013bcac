"""Reads from the search index: the German full-text query, facets, highlights, autocomplete.

``text_query`` turns what a visitor typed into an engine query that works on osmem and real
Elasticsearch alike: per word, the stemmed German field, the compound-part subfield (ngram, edge-ngram on long texts), the
typo-tolerant folded subfield (fuzziness only there), umlaut spellings both ways and the curated
synonyms (search/synonyms.py). Every word must match somewhere. ``SearchUnavailable`` means the
engine could not answer; callers fall back or say so in German.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from elasticsearch import BadRequestError, NotFoundError

from search.client import get_client
from search.documents import DOCUMENTS, SearchDocument
from search.services import ENGINE_ERRORS
from search.synonyms import UMLAUTS, synonyms

MAX_QUERY_CHARS = 200
MAX_WORDS = 8
MAX_WORD_CHARS = 40
MAX_RESULT_WINDOW = 10_000
MIN_FUZZY_CHARS = 4
MIN_NGRAM_SYNONYM_CHARS = 5
LONG_TEXT_FIELDS = {"description"}  # edge-ngram parts, no fuzziness (search/analysis.py)

STOP_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "mit",
    "im", "in", "am", "an", "auf", "für", "fuer", "von", "vom", "zu", "zum", "zur", "bei", "ab", "als", "auch",
}

_WORD = re.compile(r"[\w][\w\-]*", re.UNICODE)
_HL_PRE, _HL_POST = "\ue000", "\ue001"  # private-use characters: never in real text


class SearchUnavailable(Exception):
    """The search engine did not answer; the German message is for visitors."""

    message = "Die Volltextsuche ist gerade kurz nicht verfügbar. Bitte versuchen Sie es in wenigen Minuten erneut."


def words_of(text: str) -> list[str]:
    """The searchable words of a query: punctuation, query syntax and stop words dropped, bounded."""
    text = (text or "")[:MAX_QUERY_CHARS]
    words = []
    for match in _WORD.finditer(text):
        word = match.group(0).strip("-_")[:MAX_WORD_CHARS]
        if word and word.casefold() not in STOP_WORDS and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def spellings(word: str) -> list[str]:
    """The word and its other umlaut spelling: "Büro" → "Buero", "Buero" → "Büro"."""
    forms = [word]
    lower = word.lower()
    plain = lower
    for umlaut, ascii_form in UMLAUTS.items():
        plain = plain.replace(umlaut, ascii_form)
    if plain != lower:
        forms.append(plain)
    umlauted = lower
    for umlaut, ascii_form in UMLAUTS.items():
        if umlaut != "ß":
            umlauted = umlauted.replace(ascii_form, umlaut)
    if umlauted != lower:
        forms.append(umlauted)
    return forms


@lru_cache(maxsize=256)
def _fields(doc_cls: type[SearchDocument], sub: str | None, factor: float = 1.0, *, long_text=None) -> tuple[str, ...]:
    """``field^boost`` for the document's text fields (``long_text``: True only long texts, False none).
    Cached: the same dozen lists are asked for by every query, and reading the mapping is slow."""
    fields = []
    for name, boost in doc_cls.text_fields.items():
        if long_text is not None and (name in LONG_TEXT_FIELDS) != long_text:
            continue
        base = f"{name}.text" if _is_keyword(doc_cls, name) else name
        target = base if sub is None else f"{name}.{sub}"
        fields.append(f"{target}^{boost * factor:g}")
    return tuple(fields)


def _is_keyword(doc_cls, name: str) -> bool:
    return doc_cls._doc_type.mapping[name].name == "keyword"


def _match(text: str, fields, **extra) -> dict:
    return {"multi_match": {"query": text, "fields": list(fields), "type": "best_fields", "operator": "and", **extra}}


def word_clause(doc_cls, word: str) -> dict:
    """One query word: any of its spellings or synonyms, in any of the ways a field is analysed."""
    should = []
    for form in spellings(word):
        should.append(_match(form, _fields(doc_cls, None)))
        should.append(_match(form, _fields(doc_cls, "parts", 0.6)))
        if len(form) >= MIN_FUZZY_CHARS:
            # Typos only where they matter (titles, labels, names): fuzzy over long texts is slow and noisy.
            should.append(_match(form, _fields(doc_cls, "folded", 0.4, long_text=False), fuzziness="AUTO",
                                 prefix_length=1))
            should.append(_match(form, _fields(doc_cls, "folded", 0.4, long_text=True)))
        else:
            should.append(_match(form, _fields(doc_cls, "folded", 0.4)))
    for synonym in synonyms(word):
        should.append(_match(synonym, _fields(doc_cls, None, 0.8)))
        should.append(_match(synonym, _fields(doc_cls, "folded", 0.5)))
        if len(synonym) >= MIN_NGRAM_SYNONYM_CHARS:
            should.append(_match(synonym, _fields(doc_cls, "parts", 0.4)))
    # An empty field list would fall back to the index's default field ("*"): never send one.
    should = [clause for clause in should if clause["multi_match"]["fields"]]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def text_query(doc_cls, text: str) -> dict | None:
    """All words must match (each in one of its forms); None when nothing searchable is left."""
    words = words_of(text)
    if not words:
        return None
    return {"bool": {"must": [word_clause(doc_cls, word) for word in words]}}


def highlight_spec(doc_cls) -> dict:
    fields = {}
    for name in ("title", "description"):
        size = {"number_of_fragments": 0} if name == "title" else {"fragment_size": 160, "number_of_fragments": 2}
        for sub in ("", ".parts", ".folded"):
            fields[name + sub] = size
    return {"pre_tags": [_HL_PRE], "post_tags": [_HL_POST], "require_field_match": False, "fields": fields}


def safe_highlight(fragment: str) -> str:
    """Escape the text, then turn the sentinels into <mark> (visitor text never becomes HTML)."""
    return html.escape(fragment).replace(_HL_PRE, "<mark>").replace(_HL_POST, "</mark>")


def pick_highlights(raw: dict | None) -> dict[str, str]:
    """The first highlighted variant per field ("title", "description") as safe HTML."""
    raw = raw or {}
    chosen = {}
    for name in ("title", "description"):
        for key in (name, f"{name}.parts", f"{name}.folded"):
            if raw.get(key):
                chosen[name] = " … ".join(safe_highlight(f) for f in raw[key])
                break
    return chosen


@dataclass
class Hit:
    kind: str
    id: int
    source: dict
    highlight: dict[str, str]
    score: float | None = None
    distance_km: float | None = None

    @property
    def title(self):
        return self.source.get("title", "")

    @property
    def url(self):
        return self.source.get("url", "")


@dataclass
class Result:
    kind: str
    count: int
    hits: list[Hit]
    facets: dict[str, list[dict]] = field(default_factory=dict)


def search_kind(
    kind: str,
    *,
    q: str = "",
    filters: list[dict] | None = None,
    aggs: dict | None = None,
    sort: list | None = None,
    offset: int = 0,
    size: int = 10,
    highlight: bool = True,
    require_text: bool = True,
    source=True,
) -> tuple[int, list[Hit], dict]:
    """One query against ``kind``'s alias. Raises SearchUnavailable when the engine is away."""
    doc_cls = DOCUMENTS[kind]
    text = text_query(doc_cls, q)
    if text is None and require_text:
        return 0, [], {}
    query = {"bool": {"filter": list(filters or [])}}
    if text is not None:
        query["bool"]["must"] = [text]
    offset = max(0, min(offset, MAX_RESULT_WINDOW - size))
    body = {
        "query": query,
        "from": offset,
        "size": size,
        "track_total_hits": True,
        "sort": sort or [{"_score": "desc"}, {"id": "asc"}],
        "_source": source,
    }
    if aggs:
        body["aggs"] = aggs
    if highlight and text is not None:
        body["highlight"] = highlight_spec(doc_cls)
    try:
        response = get_client().search(index=doc_cls.alias(), **body)
    except NotFoundError:
        return 0, [], {}  # index not built yet: nothing to find
    except BadRequestError as error:
        raise SearchUnavailable(str(error))
    except ENGINE_ERRORS as error:
        raise SearchUnavailable(str(error))
    hits = []
    for raw in response["hits"]["hits"]:
        sort_values = raw.get("sort") or []
        hits.append(Hit(
            kind=kind,
            id=int(raw["_id"]),
            source=raw.get("_source") or {},
            highlight=pick_highlights(raw.get("highlight")),
            score=raw.get("_score"),
            distance_km=_distance_from_sort(sort, sort_values),
        ))
    total = response["hits"]["total"]
    count = total["value"] if isinstance(total, dict) else int(total)
    return count, hits, response.get("aggregations") or {}


def _distance_from_sort(sort, values):
    for index, spec in enumerate(sort or []):
        if isinstance(spec, dict) and "_geo_distance" in spec and index < len(values):
            return round(float(values[index]), 1)
    return None


def matching_ids(kind: str, q: str, *, limit: int = MAX_RESULT_WINDOW) -> list[int] | None:
    """Ids of ``kind`` whose text matches ``q``, best first; None when ``q`` has no searchable word.

    The database-backed lists (premises, offers) filter on these ids, so their other filters,
    counts and order stay where they are. Raises SearchUnavailable when the engine is away.
    """
    if text_query(DOCUMENTS[kind], q) is None:
        return None
    _, hits, _ = search_kind(kind, q=q, size=limit, highlight=False, source=False)
    return [hit.id for hit in hits]


def text_filter(kind: str, qs, q: str, *, fallback):
    """``qs`` narrowed to the objects whose text matches ``q`` in the engine (German analysis,
    synonyms, typos). When the engine is away, ``fallback(qs, q)`` filters on the database so
    lists keep working."""
    if not (q or "").strip():
        return qs
    try:
        ids = matching_ids(kind, q)
    except SearchUnavailable:
        return fallback(qs, q)
    if ids is None:
        return fallback(qs, q)
    return qs.filter(pk__in=ids)
