"""Writes to the search index. ``sync`` is THE one way an object reaches (or leaves) the index.

The model signals (after commit), the rebuild command and the replay job all call ``sync``: it
reads the objects' current state from the database, indexes the public ones and deletes the rest.
When the engine cannot be reached the ids are queued in the database (``PendingChange``) and
``replay_pending`` (command ``search_replay``, run periodically) sends them later, so after any
outage the index equals the database.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from opensearchpy import helpers

from search.client import get_write_client
from search.documents import DOCUMENTS
from search.errors import ENGINE_ERRORS
from search.indexes import (
    create_version,
    drop_version,
    finish_version,
    large_write,
    refresh,
    swap_alias,
    write_targets,
)
from search.models import PendingChange

logger = logging.getLogger(__name__)

__all__ = ["ENGINE_ERRORS", "PAGES", "rebuild", "replay_pending", "sync", "sync_on_commit"]

# Objects read from the database per query while syncing.
CHUNK_SIZE = 500
# Bulk requests through opensearchpy.helpers, cut by count and by size.
BULK_MAX_ACTIONS = 1000
BULK_MAX_BYTES = 5 * 1024 * 1024
# A sync of more ids than this (an import, a rebuild) is pipelined: the database read and the
# documents of one chunk are prepared while the engine indexes the previous one.
LARGE_SYNC = 10_000
PIPELINE_CHUNK = 10_000  # per parallel_bulk pool: five full requests for its two threads
REBUILD_THREADS = 2  # parallel bulk requests of a large sync: one per core of a small server
PAGES = "pages"


class SyncError(Exception):
    """The engine answered, but refused some documents."""


@dataclass
class SyncResult:
    indexed: int = 0
    deleted: int = 0
    queued: int = 0


def _actions(doc_cls, ids: list[str], targets: list[str], result: SyncResult):
    """Bulk actions for ``ids``, read from the database chunk by chunk just before they are sent."""
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk = ids[start:start + CHUNK_SIZE]
        objects = doc_cls.objects_for(chunk)
        for pk in chunk:
            obj = objects.get(pk)
            source = doc_cls.prepare(obj) if obj is not None else None
            for index in targets:
                if source is None:
                    yield {"_op_type": "delete", "_index": index, "_id": pk}
                else:
                    yield {"_op_type": "index", "_index": index, "_id": pk, "_source": source}
        result.indexed += len(objects)
        result.deleted += len(chunk) - len(objects)


def _send(actions, *, refresh: str | bool, parallel: bool = False, taken: dict[str, int] | None = None) -> None:
    """Send the actions in bulk requests; ``taken`` counts, per id, the actions the engine answered
    (so a failure midway queues only the rest). Refused documents raise SyncError at the end."""
    client = get_write_client()
    problems: list[str] = []
    common = {"chunk_size": BULK_MAX_ACTIONS, "max_chunk_bytes": BULK_MAX_BYTES, "raise_on_error": False,
              "raise_on_exception": True}
    if parallel:
        results = helpers.parallel_bulk(client, actions, thread_count=REBUILD_THREADS, queue_size=REBUILD_THREADS, **common)
    else:
        results = helpers.streaming_bulk(client, actions, max_retries=2, refresh=refresh, **common)
    for ok, item in results:
        action, outcome = next(iter(item.items()))
        if taken is not None:
            taken[str(outcome.get("_id"))] = taken.get(str(outcome.get("_id")), 0) + 1
        if not ok and not (action == "delete" and outcome.get("status") == 404):  # a delete of nothing is fine
            problems.append(f"{action} {outcome.get('_id')}: {outcome.get('error')}")
    if problems:
        raise SyncError("; ".join(problems[:5]))


def _send_pipelined(doc_cls, ids: list[str], targets: list[str], result: SyncResult, taken: dict[str, int],
                    progress=None, *, live: bool) -> None:
    """A large sync: while one thread sends a chunk (two parallel bulk requests at a time), this
    thread reads and prepares the next, so the application's and the engine's work overlap. Only
    this thread touches the database connection. ``live``: the targets serve visitors; they
    refresh after each chunk (an editor's save waiting for a refresh meanwhile waits one chunk)."""
    client = get_write_client()

    def send(actions):
        _send(actions, refresh=False, parallel=True, taken=taken)
        if live:
            client.indices.refresh(index=",".join(targets))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-bulk") as sender:
        sending, sent = None, 0
        for start in range(0, len(ids), PIPELINE_CHUNK):
            chunk = ids[start:start + PIPELINE_CHUNK]
            actions = list(_actions(doc_cls, chunk, targets, result))
            if sending is not None:
                sending.result()
                if progress:
                    progress(sent)
            sending, sent = sender.submit(send, actions), len(chunk)
        if sending is not None:
            sending.result()
            if progress:
                progress(sent)


def sync(
    kind: str, ids, *, indices: list[str] | None = None, queue_on_failure: bool = True, wait: bool = False,
    progress=None,
) -> SyncResult:
    """Make the index agree with the database for these objects of ``kind``.

    Public objects are (re)indexed, everything else (drafts, let premises, private pages, deleted
    rows) is removed. ``indices``: only these indices (the rebuild's new version); default: every
    version. ``wait``: return once the change is searchable (``refresh=wait_for``: for a user who
    waits to see it, e.g. an editor's save); otherwise the index's refresh interval makes it
    searchable within a second. If the engine is unreachable, the ids are queued (unless
    ``queue_on_failure`` is False, then the error is raised) and ``replay_pending`` sends them later.
    ``progress``: called with the number of ids done after each chunk of a large sync.
    """
    ids = sorted({str(pk) for pk in ids if pk is not None})
    result = SyncResult()
    if not ids:
        return result
    taken: dict[str, int] = {}
    targets: list[str] = []
    try:
        doc_cls = DOCUMENTS[kind]
        targets = indices or write_targets(doc_cls)
        if len(ids) > LARGE_SYNC:
            if indices:  # a rebuild's new version: no refreshes until it is finished
                _send_pipelined(doc_cls, ids, targets, result, taken, progress, live=False)
            else:
                with large_write(targets):
                    _send_pipelined(doc_cls, ids, targets, result, taken, progress, live=True)
            return result
        # One bulk request may wait for the next refresh; a sync of several requests
        # refreshes once at the end instead of waiting once per request. During a rebuild the new
        # version has refreshes switched off: waiting for one would hold the save until the
        # rebuild ends, so such a write refreshes at once.
        single = len(ids) * len(targets) <= BULK_MAX_ACTIONS and len(targets) == 1
        refresh = settings.SEARCH_REFRESH_ON_SAVE if (wait and single) else False
        _send(_actions(doc_cls, ids, targets, result), refresh=refresh, taken=taken)
        if wait and not single:
            get_write_client().indices.refresh(index=",".join(targets))
        return result
    except Exception as error:  # noqa: BLE001 - an index write must never break the editor's save
        if not queue_on_failure:
            raise
        pending = [pk for pk in ids if taken.get(pk, 0) < max(1, len(targets))]
        logger.warning("Search index not updated, %s change(s) of %s queued: %s", len(pending), kind, error,
                       exc_info=not isinstance(error, ENGINE_ERRORS))
        enqueue(kind, pending, error=str(error))
        return SyncResult(queued=len(pending))


def sync_on_commit(kind: str, ids) -> None:
    """Sync after the surrounding transaction commits (at once outside a transaction).

    Everything a transaction changes is synced together, once per kind: an offer saved with its
    tags is one request, not one per tag row. Each call registers a callback; the first to run
    takes the whole batch, so a callback dropped with a rolled-back savepoint loses nothing (ids
    of rolled-back rows are synced too, which only confirms what the database holds).
    """
    ids = [pk for pk in ids if pk is not None]
    if not ids:
        return
    connection = transaction.get_connection()
    batch = connection.__dict__.setdefault("_search_batch", {})
    batch.setdefault(kind, []).extend(ids)
    transaction.on_commit(lambda: _sync_batch(connection))


def _sync_batch(connection) -> None:
    for kind, ids in connection.__dict__.pop("_search_batch", {}).items():
        # Someone saved and looks at the result next: return once it is searchable.
        sync(kind, ids, wait=True)


def enqueue(kind: str, ids, *, error: str = "") -> None:
    """Queue changes in a few queries per 900 ids (not one commit per id: an outage during a large
    import queues its rows in seconds)."""
    now = timezone.now()
    ids = sorted({str(pk) for pk in ids})
    with transaction.atomic():
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            queued = PendingChange.objects.filter(kind=kind, object_id__in=chunk)
            known = set(queued.values_list("object_id", flat=True))
            queued.update(queued_at=now, last_error=error[:2000])
            PendingChange.objects.bulk_create(
                [PendingChange(kind=kind, object_id=pk, queued_at=now, last_error=error[:2000])
                 for pk in chunk if pk not in known],
                ignore_conflicts=True,
            )


@dataclass
class ReplayResult:
    sent: int = 0
    remaining: int = 0
    error: str = ""


def replay_pending(*, chunk_size: int = CHUNK_SIZE) -> ReplayResult:
    """Send every queued change; stop at the first failure (the engine is still away)."""
    started = timezone.now()
    result = ReplayResult()
    kinds = list(PendingChange.objects.filter(queued_at__lte=started).values_list("kind", flat=True).distinct())
    for kind in kinds:
        pending = PendingChange.objects.filter(kind=kind, queued_at__lte=started)
        if kind not in DOCUMENTS and kind != PAGES:
            pending.delete()  # a kind that no longer exists
            continue
        ids = list(pending.values_list("object_id", flat=True))
        for start in range(0, len(ids), chunk_size):
            chunk = ids[start:start + chunk_size]
            try:
                sync(kind, chunk, queue_on_failure=False, wait=True)  # searchable when the job ends
            except (*ENGINE_ERRORS, SyncError) as error:
                failed = PendingChange.objects.filter(kind=kind, object_id__in=chunk)
                for change in failed:
                    change.attempts += 1
                    change.last_error = str(error)[:2000]
                    change.save(update_fields=["attempts", "last_error"])
                result.error = str(error)
                result.remaining = PendingChange.objects.count()
                return result
            # Rows queued again after the replay started stay for the next run.
            PendingChange.objects.filter(kind=kind, object_id__in=chunk, queued_at__lte=started).delete()
            result.sent += len(chunk)
    result.remaining = PendingChange.objects.count()
    return result


def rebuild(kind: str, *, progress: bool = True) -> tuple[str, int]:
    """Fill a new version of ``kind``'s index from the database, then swap the alias to it.

    The alias keeps serving the old version until the swap, so searches never see an empty or
    half index; live changes during the rebuild are written to both versions, and each chunk
    reads the database just before it is sent (an object deleted meanwhile is deleted, not
    revived). The new version is filled without refreshes or replicas by the pipelined bulk of a
    large sync, gets its served settings back before the swap, and is dropped if the rebuild
    fails. Returns the new index name and the number of documents.
    """
    from tqdm import tqdm

    doc_cls = DOCUMENTS[kind]
    new_index = create_version(doc_cls, building=True)
    try:
        ids = list(doc_cls.indexable().order_by("pk").values_list("pk", flat=True))
        with tqdm(total=len(ids), desc=f"Suchindex {kind}", unit="Dok.", disable=not progress) as bar:
            done = sync(kind, ids, indices=[new_index], queue_on_failure=False, progress=bar.update)
            if len(ids) <= LARGE_SYNC:
                bar.update(done.indexed + done.deleted)
        finish_version(new_index)
    except BaseException:
        drop_version(new_index)  # never served; live writes must not keep going to it
        raise
    swap_alias(doc_cls, new_index)
    refresh(doc_cls)
    return new_index, len(ids)
