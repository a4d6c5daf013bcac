"""Vocabulary labels searched at query time instead of being indexed with every document.

A listing's use types and features are codes; their German labels are the same two dozen words
in every document, and analysing them into ngrams per document cost about half of the engine's
indexing time. So the labels are not indexed: a query word is compared here, in Python, with
each label the way the engine compared it with the indexed label fields (search/analysis.py):

- stemmed German words (``german``: "Läden" finds "Laden", "Werkstätten" "Werkstatt");
- compound parts: the word inside a label word, 3 to 12 letters ("Gastro" in "Gastronomie");
- folded whole words, with typos for words of 4 letters and more ("Glasfasr");
- the word's umlaut spellings and its curated synonyms (search/synonyms.py), synonyms inside
  compounds only when they are 5 letters or longer, as in search/query.py.

Each word becomes a ``terms`` clause on the document's keyword field (``use_types``,
``features``; ``interim_use`` for "Zwischennutzung"), a plain term lookup on both engines.
A word of several tokens ("Co-Working") must match within one label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

NGRAM_MIN, NGRAM_MAX = 3, 12  # search/analysis.py: the ngram parts the labels had
MIN_FUZZY_CHARS = 4
MIN_NGRAM_SYNONYM_CHARS = 5
# The factors search/query.py gives each way a word matches; a label match weighs the best one.
GERMAN, PARTS, FOLDED = 1.0, 0.6, 0.4
SYNONYM_GERMAN, SYNONYM_FOLDED, SYNONYM_PARTS = 0.8, 0.5, 0.4

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Labelled:
    """A value of a keyword field that visitors find by its German label."""

    field: str
    value: str | bool
    label: str
    boost: float = 1.0


def fold(text: str) -> str:
    """Lowercase and accents dropped, ß as ss: the engine's ``asciifolding``."""
    text = text.lower().replace("ß", "ss")
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def folded_tokens(text: str) -> tuple[str, ...]:
    """Words as the standard tokenizer cuts them, folded."""
    return tuple(fold(token) for token in _TOKEN.findall(text))


def _normalize(token: str) -> str:
    """Elasticsearch's ``german_normalization``: umlauts and their ae/oe/ue spellings as plain vowels."""
    out, state = [], "N"
    for ch in token:
        if ch in "ao":
            state = "U"
        elif ch == "u":
            state = "U" if state == "N" else "V"
        elif ch == "e":
            if state == "U":
                state = "V"
                continue
            state = "V"
        elif ch in "iqy":
            state = "V"
        elif ch in "äöü":
            ch, state = {"ä": "a", "ö": "o", "ü": "u"}[ch], "V"
        elif ch == "ß":
            ch, state = "ss", "N"
        else:
            state = "N"
        out.append(ch)
    return "".join(out)


_ST_ENDING = set("bdfghklmnt")


def _light_stem(word: str) -> str:
    """Elasticsearch's ``light_german`` stemmer (Savoy): plural and inflection endings off."""
    word = word.translate(str.maketrans("äàáâöòóôïìíîüùúû", "aaaaooooiiiiuuuu"))
    n = len(word)
    if n > 5 and word.endswith("ern"):
        n -= 3
    elif n > 4 and word[n - 2] == "e" and word[n - 1] in "mnrs":
        n -= 2
    elif n > 3 and word[n - 1] == "e":
        n -= 1
    elif n > 3 and word[n - 1] == "s" and word[n - 2] in _ST_ENDING:
        n -= 1
    word = word[:n]
    if n > 5 and word.endswith("est"):
        n -= 3
    elif n > 4 and word[n - 2] == "e" and word[n - 1] in "rn":
        n -= 2
    elif n > 4 and word.endswith("st") and word[n - 3] in _ST_ENDING:
        n -= 2
    return word[:n]


def german_tokens(text: str) -> tuple[str, ...]:
    """Words as the built-in ``german`` analyzer indexes them (lowercase, normalized, stemmed)."""
    return tuple(_light_stem(_normalize(token.lower())) for token in _TOKEN.findall(text))


def _auto_edits(term: str) -> int:
    """``fuzziness: AUTO``: no typo up to 2 letters, one up to 5, two beyond."""
    return 0 if len(term) <= 2 else 1 if len(term) <= 5 else 2


def _within(term: str, word: str, edits: int) -> bool:
    """Damerau-Levenshtein distance (adjacent swaps count once) ≤ ``edits``, first letter equal
    (``prefix_length: 1``), as the engine's fuzzy match."""
    if term == word:
        return True
    if not edits or not term or not word or term[0] != word[0] or abs(len(term) - len(word)) > edits:
        return False
    previous2, previous = None, list(range(len(word) + 1))
    for i, a in enumerate(term, 1):
        current = [i] + [0] * len(word)
        for j, b in enumerate(word, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if previous2 is not None and i > 1 and j > 1 and a == word[j - 2] and term[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > edits:
            return False
        previous2, previous = previous, current
    return previous[-1] <= edits


@dataclass(frozen=True)
class _Label:
    german: frozenset[str]
    folded: tuple[str, ...]

    @classmethod
    def of(cls, label: str) -> _Label:
        return cls(frozenset(german_tokens(label)), folded_tokens(label))

    def has_german(self, text: str) -> bool:
        tokens = german_tokens(text)
        return bool(tokens) and all(token in self.german for token in tokens)

    def has_part(self, text: str) -> bool:
        tokens = folded_tokens(text)
        return bool(tokens) and all(
            NGRAM_MIN <= len(token) <= NGRAM_MAX and any(token in word for word in self.folded) for token in tokens
        )

    def has_folded(self, text: str, *, typos: bool) -> bool:
        tokens = folded_tokens(text)
        return bool(tokens) and all(
            any(_within(token, word, _auto_edits(token) if typos else 0) for word in self.folded) for token in tokens
        )


def _weight(label: _Label, forms: list[str], synonyms: list[str]) -> float:
    """The best factor with which the word (its ``forms`` or ``synonyms``) matches ``label``; 0: none."""
    best = 0.0
    for form in forms:
        if label.has_german(form):
            return GERMAN
        if label.has_part(form):
            best = max(best, PARTS)
        elif label.has_folded(form, typos=len(form) >= MIN_FUZZY_CHARS):
            best = max(best, FOLDED)
    for synonym in synonyms:
        if label.has_german(synonym):
            best = max(best, SYNONYM_GERMAN)
        elif label.has_folded(synonym, typos=False):
            best = max(best, SYNONYM_FOLDED)
        elif len(synonym) >= MIN_NGRAM_SYNONYM_CHARS and label.has_part(synonym):
            best = max(best, SYNONYM_PARTS)
    return best


@lru_cache(maxsize=64)
def _labels(labelled: tuple[Labelled, ...]) -> tuple[tuple[Labelled, _Label], ...]:
    return tuple((item, _Label.of(item.label)) for item in labelled)


@lru_cache(maxsize=2048)
def _matches(labelled: tuple[Labelled, ...], forms: tuple[str, ...], synonyms: tuple[str, ...]):
    grouped: dict[tuple[str, float], list] = {}
    for item, label in _labels(labelled):
        weight = _weight(label, list(forms), list(synonyms))
        if weight:
            grouped.setdefault((item.field, round(item.boost * weight, 3)), []).append(item.value)
    return tuple((field, boost, tuple(values)) for (field, boost), values in grouped.items())


def label_clauses(labelled, forms, synonyms) -> list[dict]:
    """``terms`` clauses for the values whose label the word (its ``forms`` or ``synonyms``)
    matches, one per field and weight (boost: the field's boost times the best way it matched)."""
    if not labelled:
        return []
    return [
        {"terms": {field: list(values), "boost": boost}}
        for field, boost, values in _matches(tuple(labelled), tuple(forms), tuple(synonyms))
    ]
