"""Reads from the search index: the German full-text query, facets, highlights, autocomplete.

``text_query`` turns what a visitor typed into an engine query that works on osmem and real
Elasticsearch alike: per word, the stemmed German field, the compound-part subfield (ngram, edge-ngram on long texts), the
typo-tolerant folded subfield (fuzziness only there), umlaut spellings both ways and the curated
synonyms (search/synonyms.py), and the codes whose German label the word matches (search/labels.py:
labels are matched here, not indexed). Every word must match somewhere. ``SearchUnavailable`` means the
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
from search.labels import label_clauses
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


@dataclass(frozen=True)
class TextField:
    """One searched text field: ``german`` holds the stemmed words, ``<name>.parts`` and
    ``<name>.folded`` the compound parts and the folded words (search/analysis.py)."""

    name: str
    boost: float = 1.0
    long_text: bool = False  # edge-ngram parts, no fuzziness
    german: str = ""  # the stemmed field when it is not ``name`` (keywords: ``name.text``)

    def target(self, sub: str | None) -> str:
        return (self.german or self.name) if sub is None else f"{self.name}.{sub}"


@lru_cache(maxsize=64)
def text_fields_of(doc_cls: type[SearchDocument]) -> tuple[TextField, ...]:
    """Cached: every query asks for them, and reading the mapping is slow."""
    return tuple(
        TextField(name, boost, long_text=name in LONG_TEXT_FIELDS, german=f"{name}.text" if _is_keyword(doc_cls, name) else "")
        for name, boost in doc_cls.text_fields.items()
    )


@lru_cache(maxsize=256)
def _fields(fields: tuple[TextField, ...], sub: str | None, factor: float = 1.0, *, long_text=None) -> tuple[str, ...]:
    """``field^boost`` for the text fields (``long_text``: True only long texts, False none); cached,
    the same dozen lists are asked for by every query."""
    return tuple(
        f"{field.target(sub)}^{field.boost * factor:g}"
        for field in fields
        if long_text is None or field.long_text == long_text
    )


def _is_keyword(doc_cls, name: str) -> bool:
    return doc_cls._doc_type.mapping[name].name == "keyword"


def _match(text: str, fields, **extra) -> dict:
    return {"multi_match": {"query": text, "fields": list(fields), "type": "best_fields", "operator": "and", **extra}}


def _as_fields(target) -> tuple[TextField, ...]:
    """A document class (premises, offers, partners) or a list of fields (pages)."""
    return tuple(target) if isinstance(target, list | tuple) else text_fields_of(target)


def _labelled_of(target) -> tuple:
    """The labelled keyword values of a document class; none for a list of fields (pages)."""
    return () if isinstance(target, list | tuple) else target.labelled


def word_clause(target, word: str) -> dict:
    """One query word: any of its spellings or synonyms, in any of the ways a field is analysed,
    or a code whose label it matches."""
    fields = _as_fields(target)
    forms, word_synonyms = spellings(word), synonyms(word)
    should = []
    for form in forms:
        should.append(_match(form, _fields(fields, None)))
        should.append(_match(form, _fields(fields, "parts", 0.6)))
        if len(form) >= MIN_FUZZY_CHARS:
            # Typos only where they matter (titles, labels, names): fuzzy over long texts is slow and noisy.
            should.append(_match(form, _fields(fields, "folded", 0.4, long_text=False), fuzziness="AUTO",
                                 prefix_length=1))
            should.append(_match(form, _fields(fields, "folded", 0.4, long_text=True)))
        else:
            should.append(_match(form, _fields(fields, "folded", 0.4)))
    for synonym in word_synonyms:
        should.append(_match(synonym, _fields(fields, None, 0.8)))
        should.append(_match(synonym, _fields(fields, "folded", 0.5)))
        if len(synonym) >= MIN_NGRAM_SYNONYM_CHARS:
            # A synonym inside a compound only in titles, labels and names: in running text its parts
            # mislead ("Büro" → "Praxis" must not find "praxisnah", "Kommune" → "Stadt" every "Innenstadt").
            should.append(_match(synonym, _fields(fields, "parts", 0.4, long_text=False)))
    # An empty field list would fall back to the index's default field ("*"): never send one.
    should = [clause for clause in should if clause["multi_match"]["fields"]]
    should += label_clauses(_labelled_of(target), forms, word_synonyms)
    return {"bool": {"should": should, "minimum_should_match": 1}}


def text_query(target, text: str) -> dict | None:
    """All words must match (each in one of its forms); None when nothing searchable is left.
    ``target``: a document class or a list of ``TextField`` (as for ``word_clause``)."""
    words = words_of(text)
    if not words:
        return None
    return {"bool": {"must": [word_clause(target, word) for word in words]}}


def highlight_spec(description_fields=("description",)) -> dict:
    """The whole title and up to two snippets of the description fields, each in every analysis."""
    fields = {}
    for name in ("title", *description_fields):
        size = {"number_of_fragments": 0} if name == "title" else {"fragment_size": 160, "number_of_fragments": 2}
        for sub in ("", ".parts", ".folded"):
            fields[name + sub] = size
    return {"pre_tags": [_HL_PRE], "post_tags": [_HL_POST], "require_field_match": False, "fields": fields}


def safe_highlight(fragment: str) -> str:
    """Escape the text, then turn the sentinels into <mark> (visitor text never becomes HTML)."""
    return html.escape(fragment).replace(_HL_PRE, "<mark>").replace(_HL_POST, "</mark>")


def pick_highlights(raw: dict | None, description_fields=("description",)) -> dict[str, str]:
    """The first highlighted variant of the title and of the description fields (in their order)
    as safe HTML, under "title" and "description"."""
    raw = raw or {}
    chosen = {}
    for shown, names in (("title", ("title",)), ("description", description_fields)):
        keys = [key for name in names for key in (name, f"{name}.parts", f"{name}.folded")]
        fragments = next((raw[key] for key in keys if raw.get(key)), None)
        if fragments:
            chosen[shown] = " … ".join(safe_highlight(f) for f in fragments)
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
        body["highlight"] = highlight_spec()
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

    The premises map (matching.selectors.premises_map_markers) filters the database on these ids.
    Raises SearchUnavailable when the engine is away.
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
