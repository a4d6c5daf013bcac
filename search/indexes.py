"""Index lifecycle: versioned indices behind one alias per document, swapped atomically.

``<alias>_v<timestamp>`` holds the data; visitors and the matching query read ``<alias>``. A
rebuild fills a fresh version with bulk requests while the alias keeps serving the old one, then
moves the alias in one ``_aliases`` call and drops the old versions. Live writes go to every
version that exists (``write_targets``), so a change made during a rebuild reaches both.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from opensearchpy.exceptions import NotFoundError

from search.analysis import index_settings
from search.client import get_write_client as get_client
from search.errors import ENGINE_ERRORS

logger = logging.getLogger(__name__)

# A large live write (an import of thousands of rows) refreshes after each chunk it sends instead
# of every second: a refresh per second during a bulk is a new segment per second to merge, about a
# third of the engine's work. Should the restore fail, the index still refreshes at this interval.
LARGE_WRITE_REFRESH_INTERVAL = "30s"


def version_pattern(doc_cls) -> str:
    return f"{doc_cls.alias()}_v*"


def create_version(doc_cls, *, building: bool = False) -> str:
    """A new, empty versioned index with the document's mapping; returns its name. ``building``:
    no refreshes and no replicas while a rebuild fills it (search.analysis.index_settings); call
    ``finish_version`` afterwards."""
    name = f"{doc_cls.alias()}_v{time.time_ns() // 1000}"
    body = {"settings": index_settings(building=building), "mappings": doc_cls.mapping()}
    get_client().indices.create(index=name, body=body)
    return name


def finish_version(name: str) -> None:
    """Served settings back (refresh interval, replicas as configured), then one refresh, and
    wait until the replicas are allocated, so the swapped alias serves from every copy."""
    client = get_client()
    served = index_settings()
    client.indices.put_settings(
        index=name, body={"number_of_replicas": served["number_of_replicas"], "refresh_interval": served["refresh_interval"]}
    )
    client.indices.refresh(index=name)
    # A single node stays yellow with replicas: wait at most 10 s.
    client.cluster.health(index=name, params={"wait_for_status": "green", "timeout": "10s"}, request_timeout=15)


@contextmanager
def large_write(names: list[str]):
    """Slower periodic refreshes on these indices while a large write runs, their own interval
    back afterwards (a rebuild's version, which does not refresh at all, is left alone)."""
    client = get_client()
    found = client.indices.get_settings(index=",".join(names), name="index.refresh_interval")
    own = {name: (info["settings"].get("index") or {}).get("refresh_interval", "1s") for name, info in found.items()}
    slowed = [name for name, interval in own.items() if interval != "-1"]
    if slowed:
        client.indices.put_settings(index=",".join(slowed), body={"refresh_interval": LARGE_WRITE_REFRESH_INTERVAL})
    try:
        yield
    finally:
        for name in slowed:
            try:
                client.indices.put_settings(index=name, body={"refresh_interval": own[name]})
            except ENGINE_ERRORS as error:
                logger.warning("Refresh interval of %s not restored (%s): it stays %s", name, error,
                               LARGE_WRITE_REFRESH_INTERVAL)


def drop_version(name: str) -> None:
    get_client().indices.delete(index=name, ignore_unavailable=True)


def versions(doc_cls) -> dict[str, bool]:
    """Every versioned index of the document → whether the alias points at it."""
    client = get_client()
    try:
        found = client.indices.get_alias(index=version_pattern(doc_cls))
    except NotFoundError:
        return {}
    alias = doc_cls.alias()
    return {name: alias in (info.get("aliases") or {}) for name, info in found.items()}


def live_version(doc_cls) -> str | None:
    return next((name for name, live in versions(doc_cls).items() if live), None)


def ensure_index(doc_cls) -> str:
    """The index behind the alias, created empty (and aliased) when there is none yet."""
    current = live_version(doc_cls)
    if current is None:
        current = create_version(doc_cls)
        get_client().indices.update_aliases(body={"actions": [{"add": {"index": current, "alias": doc_cls.alias()}}]})
    return current


def write_targets(doc_cls) -> list[str]:
    """Where a live change must go: every existing version (the live one and a rebuild in progress)."""
    found = versions(doc_cls)
    if not any(found.values()):
        ensure_index(doc_cls)
        found = versions(doc_cls)
    return sorted(found)


def swap_alias(doc_cls, new_index: str) -> list[str]:
    """Point the alias at ``new_index`` in one atomic call, then drop the other versions."""
    client = get_client()
    alias = doc_cls.alias()
    old = [name for name in versions(doc_cls) if name != new_index]
    actions = [{"remove": {"index": name, "alias": alias}} for name, live in versions(doc_cls).items() if live]
    actions = [a for a in actions if a["remove"]["index"] != new_index]
    actions.append({"add": {"index": new_index, "alias": alias}})
    client.indices.update_aliases(body={"actions": actions})
    for name in old:
        client.indices.delete(index=name, ignore_unavailable=True)
    return old


def refresh(doc_cls) -> None:
    get_client().indices.refresh(index=doc_cls.alias(), ignore_unavailable=True)
