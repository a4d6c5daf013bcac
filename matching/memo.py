"""Per-process memo of what every match reads and editors seldom change: the target-mix gaps of a
town and the public support offers' facts.

Valid for one generation, a token in Django's cache (shared by the workers of a host; Redis for
several hosts, like the site frame). Every write to what the memo is built from starts a new
generation (matching.memo_signals): at once and again after the commit, so that a request that
read the old rows while the change was still uncommitted cannot keep them. Reads inside a
transaction are never memoised (they may see writes that are rolled back later).
"""

from __future__ import annotations

from time import monotonic
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "matching-memo:generation"
# A safety net, not the mechanism: where the cache is not shared (several hosts without
# REDIS_URL) or a write bypassed the signals, a process rebuilds its memo after this long anyway.
MAX_AGE_SECONDS = 60

_state: tuple[str | None, float, dict] = (None, 0.0, {})


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def memo(using: str | None = None) -> dict | None:
    """This generation's memo (a dict to read and fill), or None inside a transaction."""
    global _state
    if _in_transaction(transaction.get_connection(using)):
        return None
    generation = _generation()  # before reading the rows: a later change starts a newer one
    state, now = _state, monotonic()
    if state[0] != generation or now - state[1] > MAX_AGE_SECONDS:
        state = _state = (generation, now, {})
    return state[2]


def _in_transaction(connection) -> bool:
    """An atomic block is open other than a test case's own (counted as Django's ``durable`` check
    counts them): its reads may see its own writes, rolled back later, or an older snapshot."""
    return connection.in_atomic_block and any(not block._from_testcase for block in connection.atomic_blocks)


def forget() -> None:
    cache.set(GENERATION_KEY, uuid4().hex, None)


def changed(sender=None, **kwargs) -> None:
    forget()
    transaction.on_commit(forget)
