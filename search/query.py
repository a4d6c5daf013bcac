"""Reads from the search index: the German full-text query, highlights, the search of one kind.

German is the engine's job (search/analysis.py). Per query word, ``word_clause`` asks in two
clauses (three for a compound) for:
- the word in the German text fields (stems, umlaut spellings and synonyms by the search analyzer),
  in the name fields (towns, streets, providers) and, for longer words, their beginnings: one
  ``multi_match``, every field with its own analyzer;
- the word as typed in the short fields (``.folded``: no stems, no synonyms, so what was typed
  ranks above its synonyms), with typos (``fuzziness``) from four letters on;
- for a compound (split by the engine's own decompounder, ``_analyze``): all of its parts
  ("Gewerbefläche" finds "Fläche für Gewerbe").
Every word must match. ``SearchUnavailable`` means the engine could not answer; callers fall back
to the database or say so in German.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from opensearchpy.exceptions import NotFoundError

from search.client import get_client
from search.documents import DOCUMENTS, SearchDocument
from search.errors import ENGINE_ERRORS, SearchUnavailable

__all__ = ["ENGINE_ERRORS", "SearchUnavailable"]

MAX_QUERY_CHARS = 200
MAX_WORDS = 8
MAX_WORD_CHARS = 40
MAX_RESULT_WINDOW = 10_000
MIN_FUZZY_CHARS = 4
MIN_PREFIX_CHARS = 5  # "Eis" must not find "Eisenach"; "Johannis" finds "Johannisstraße"
MIN_COMPOUND_CHARS = 8
FUZZINESS = "AUTO:4,7"  # one typo from 4 letters, two from 7

STOP_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "mit",
    "im", "in", "am", "an", "auf", "für", "fuer", "von", "vom", "zu", "zum", "zur", "bei", "ab", "als", "auch",
}

_WORD = re.compile(r"[\w][\w\-]*", re.UNICODE)
_HL_PRE, _HL_POST = "\ue000", "\ue001"  # private-use characters: never in real text


def words_of(text: str) -> list[str]:
    """The searchable words of a query: punctuation, query syntax and stop words dropped, bounded."""
    text = (text or "")[:MAX_QUERY_CHARS]
    words = []
    for match in _WORD.finditer(text):
        word = match.group(0).strip("-_")[:MAX_WORD_CHARS]
        if word and word.casefold() not in STOP_WORDS and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


@dataclass(frozen=True)
class Fields:
    """What a query searches: German text fields, name fields and typo fields, each ``name→boost``."""

    text: tuple[tuple[str, float], ...]
    names: tuple[tuple[str, float], ...] = ()
    typos: tuple[tuple[str, float], ...] = ()
    alias: str = ""

    @classmethod
    def of(cls, doc_cls: type[SearchDocument]) -> Fields:
        return _fields_of(doc_cls)


@lru_cache(maxsize=16)
def _fields_of(doc_cls) -> Fields:
    mapping = doc_cls._doc_type.mapping

    def name_target(name: str) -> str:
        return f"{name}.text" if mapping[name].name == "keyword" else name

    return Fields(
        text=tuple(doc_cls.text_fields.items()),
        names=tuple((name_target(name), boost) for name, boost in doc_cls.name_fields.items()),
        typos=tuple(doc_cls.typo_fields.items()),
        alias=doc_cls.alias(),
    )


def _targets(fields, suffix: str = "", factor: float = 1.0) -> list[str]:
    return [f"{name}{suffix}^{boost * factor:g}" for name, boost in fields]


def _match(text: str, targets: list[str], **extra) -> dict:
    return {"multi_match": {"query": text, "fields": targets, "operator": "and", **extra}}


_parts_cache: dict[tuple[str, str], tuple[str, ...]] = {}


def _compound_parts(alias: str, word: str) -> tuple[str, ...]:
    """The parts the engine's decompounder finds in ``word`` ("gewerbefläche" → gewerbe, fläche);
    () for a simple word. Answers are cached (a word's parts change only with the word list);
    a missing index or an engine away is not an answer."""
    key = (alias, word)
    if key in _parts_cache:
        return _parts_cache[key]
    try:
        tokens = get_client().indices.analyze(index=alias, body={"analyzer": "imz_parts", "text": word})["tokens"]
    except NotFoundError:
        return ()
    except ENGINE_ERRORS as error:
        raise SearchUnavailable(str(error))
    parts = tuple(dict.fromkeys(t["token"] for t in tokens if t["token"] != word))
    covered = sum(len(p) for p in parts)
    # Only a full split: "Gewerbefläche" = gewerbe + fläche; a lone part inside would find too much.
    parts = parts if len(parts) >= 2 and covered >= len(word) - 2 else ()
    if len(_parts_cache) > 20_000:
        _parts_cache.clear()
    _parts_cache[key] = parts
    return parts


def word_clause(target, word: str) -> dict:
    """One query word in two clauses (three for a compound), see the module docstring: the word
    in every field as that field analyses it, and the word as typed, typo-tolerant."""
    fields = target if isinstance(target, Fields) else Fields.of(target)
    # 1. German text fields (stems, umlauts, synonyms), names and, for longer words, name beginnings:
    # one multi_match, each field searched with its own search analyzer.
    analysed = _targets(fields.text) + _targets(fields.names)
    if fields.names and len(word) >= MIN_PREFIX_CHARS:
        analysed += _targets([(n.removesuffix(".text"), b) for n, b in fields.names], ".prefix", 0.5)
    should = [_match(word, analysed)]
    # 2. The word as typed (no stemming, no synonyms) in the short fields: it ranks what was typed
    # above its synonyms, and from four letters on forgives typos.
    if fields.typos:
        typed = {"fuzziness": FUZZINESS, "prefix_length": 1, "max_expansions": 20} if len(word) >= MIN_FUZZY_CHARS else {}
        should.append(_match(word, _targets(fields.typos, ".folded", 0.3), **typed))
    # 3. A compound split by the engine's decompounder: all of its parts.
    if len(word) >= MIN_COMPOUND_CHARS and fields.alias:
        parts = _compound_parts(fields.alias, word.casefold())
        if parts:
            should.append({"bool": {"must": [_match(part, _targets(fields.text, factor=0.8)) for part in parts]}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def text_query(target, text: str) -> dict | None:
    """All words must match; None when nothing searchable is left. ``target``: a document class
    or ``Fields``."""
    words = words_of(text)
    if not words:
        return None
    every_word = {"bool": {"must": [word_clause(target, word) for word in words]}}
    if len(words) == 1:
        return every_word
    # A synonym of several words ("schnelles Internet" → Glasfaser) fires only on the whole phrase.
    fields = target if isinstance(target, Fields) else Fields.of(target)
    phrase = _match(" ".join(words), _targets(fields.text))
    return {"bool": {"should": [every_word, phrase], "minimum_should_match": 1}}


def highlight_spec(fields=("description",)) -> dict:
    """The whole title and up to two snippets of the description fields."""
    spec = {"title": {"number_of_fragments": 0}, "title.folded": {"number_of_fragments": 0}}
    for name in fields:
        spec[name] = {"fragment_size": 160, "number_of_fragments": 2}
    return {"pre_tags": [_HL_PRE], "post_tags": [_HL_POST], "require_field_match": False, "fields": spec}


def safe_highlight(fragment: str) -> str:
    """Escape the text, then turn the sentinels into <mark> (visitor text never becomes HTML)."""
    return html.escape(fragment).replace(_HL_PRE, "<mark>").replace(_HL_POST, "</mark>")


def pick_highlights(raw: dict | None, description_fields=("description",)) -> dict[str, str]:
    """The highlighted title and the first highlighted description field as safe HTML."""
    raw = raw or {}
    chosen = {}
    for shown, keys in (("title", ("title", "title.folded")), ("description", description_fields)):
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


def search_body(
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
) -> dict | None:
    """The request ``search_kind`` sends (also what bench/relevance.py evaluates with ``_rank_eval``);
    None when there is nothing to search for."""
    doc_cls = DOCUMENTS[kind]
    text = text_query(doc_cls, q)
    if text is None and require_text:
        return None
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
        body["highlight"] = highlight_spec(doc_cls.highlight_fields)
    return body


def search_kind(kind: str, **request) -> tuple[int, list[Hit], dict]:
    """One query against ``kind``'s alias (``request``: the arguments of ``search_body``).
    Raises SearchUnavailable when the engine is away."""
    doc_cls = DOCUMENTS[kind]
    body = search_body(kind, **request)
    if body is None:
        return 0, [], {}
    sort = request.get("sort")
    try:
        response = get_client().search(index=doc_cls.alias(), body=body)
    except NotFoundError:
        return 0, [], {}  # index not built yet: nothing to find
    except ENGINE_ERRORS as error:  # also a refused request (RequestError)
        raise SearchUnavailable(str(error))
    hits = []
    for raw in response["hits"]["hits"]:
        sort_values = raw.get("sort") or []
        hits.append(Hit(
            kind=kind,
            id=int(raw["_id"]),
            source=raw.get("_source") or {},
            highlight=pick_highlights(raw.get("highlight"), doc_cls.highlight_fields),
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

    The premises map (premises.selectors.premises_map_markers) filters the database on these ids.
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
