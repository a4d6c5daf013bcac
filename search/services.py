"""Writes to the search index. ``sync`` is THE one way an object reaches (or leaves) the index.

The model signals (after commit), the rebuild command and the replay job all call ``sync``: it
reads the objects' current state from the database, indexes the public ones and deletes the rest.
When the engine cannot be reached the ids are queued in the database (``PendingChange``) and
``replay_pending`` (command ``search_replay``, run periodically) sends them later, so after any
outage the index equals the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.client import get_client
from search.documents import DOCUMENTS
from search.indexes import create_version, drop_version, finish_version, refresh, swap_alias, write_targets
from search.models import PendingChange

logger = logging.getLogger(__name__)

ENGINE_ERRORS = (TransportError, ApiError, ConnectionError, TimeoutError)
# Objects read from the database per query while syncing.
CHUNK_SIZE = 500
# Bulk requests are cut by count and by size, whichever comes first: few requests (each costs a
# round trip and, on the embedded engine, a segment of its own), none so big that the engine
# leaves searches waiting for seconds (osmem works through ~500 premises per CPU second and
# answers queries between requests). Bulk requests get their own, longer timeout (searches keep
# the client's 5 s).
BULK_MAX_ACTIONS = 1000
BULK_MAX_BYTES = 3 * 1024 * 1024
BULK_TIMEOUT_SECONDS = 120
REBUILD_CHUNK_SIZE = 1000
PAGES = "pages"  # Wagtail pages: indexed by Wagtail's backend, queued here like the documents


class SyncError(Exception):
    """The engine answered, but refused some documents."""


@dataclass
class SyncResult:
    indexed: int = 0
    deleted: int = 0
    queued: int = 0


class _BulkWriter:
    """Collects pre-serialised bulk lines and sends them in requests of bounded count and bytes;
    the last request of a sync may ask for a refresh, so the change is searchable on return."""

    def __init__(self, client):
        self.client = client
        self.dumps = client.transport.serializers.get_serializer("application/json").dumps
        self.lines: list[bytes] = []
        self.actions = 0
        self.size = 0
        self.mark = 0  # how many of the sync's objects have all their lines in ``lines`` or sent
        self.sent = 0  # how many of the sync's objects the engine has taken

    def index(self, index: str, pk: str, source: dict) -> None:
        self._add(self.dumps({"index": {"_index": index, "_id": pk}}), self.dumps(source))

    def delete(self, index: str, pk: str) -> None:
        self._add(self.dumps({"delete": {"_index": index, "_id": pk}}))

    def _add(self, *lines: bytes) -> None:
        size = sum(len(line) + 1 for line in lines)
        if self.lines and (self.actions >= BULK_MAX_ACTIONS or self.size + size > BULK_MAX_BYTES):
            self.flush(refresh_now=False)
        self.lines.extend(lines)
        self.actions += 1
        self.size += size

    def done_with(self, count: int) -> None:
        """The first ``count`` objects of the sync have all their lines added."""
        self.mark = count

    def flush(self, *, refresh_now: bool) -> None:
        lines, self.lines, self.actions, self.size = self.lines, [], 0, 0
        mark = self.mark
        _bulk(self.client, lines, refresh_now=refresh_now)
        self.sent = mark


def _bulk(client, operations: list, *, refresh_now: bool) -> None:
    if not operations:
        return
    # "true", not "wait_for": a version being rebuilt has refreshes switched off, so waiting for
    # the next one would hold a live edit until the rebuild ends.
    response = client.options(request_timeout=BULK_TIMEOUT_SECONDS).bulk(
        operations=operations, refresh="true" if refresh_now else False
    )
    if not response.get("errors"):
        return
    problems = []
    for item in response["items"]:
        action, result = next(iter(item.items()))
        if action == "delete" and result.get("status") == 404:
            continue  # already gone
        if result.get("error"):
            problems.append(f"{action} {result.get('_id')}: {result['error']}")
    if problems:
        raise SyncError("; ".join(problems[:5]))


def sync(
    kind: str, ids, *, indices: list[str] | None = None, queue_on_failure: bool = True, refresh_now: bool = True
) -> SyncResult:
    """Make the index agree with the database for these objects of ``kind``.

    Public objects are (re)indexed, everything else (drafts, let premises, deleted rows) is
    removed. ``indices``: only these indices (the rebuild's new version); default: every version.
    Read in chunks of CHUNK_SIZE, sent in bulk requests of bounded size; if the engine is
    unreachable, the ids not yet sent are queued (unless ``queue_on_failure`` is False, then the
    error is raised).
    """
    ids = sorted({str(pk) for pk in ids if pk is not None})
    result = SyncResult()
    writer = None
    try:
        if kind == PAGES:
            return _sync_pages(ids) if ids else result
        doc_cls = DOCUMENTS[kind]
        targets = (indices or write_targets(doc_cls)) if ids else []
        writer = _BulkWriter(get_client())
        for start in range(0, len(ids), CHUNK_SIZE):
            chunk = ids[start:start + CHUNK_SIZE]
            objects = {str(obj.pk): obj for obj in doc_cls.indexable().filter(pk__in=chunk)}
            for position, pk in enumerate(chunk, start + 1):
                obj = objects.get(pk)
                source = doc_cls.prepare(obj) if obj is not None else None
                for index in targets:
                    if source is None:
                        writer.delete(index, pk)
                    else:
                        writer.index(index, pk, source)
                writer.done_with(position)
            result.indexed += len(objects)
            result.deleted += len(chunk) - len(objects)
        # Requests are cut by the writer (count, bytes), not by these database chunks: half-full
        # requests cost the engine per request (the embedded one about twice the CPU per document).
        writer.flush(refresh_now=refresh_now)  # one refresh, at the end
        return result
    except Exception as error:  # noqa: BLE001 - an index write must never break the editor's save
        if not queue_on_failure:
            raise
        pending = ids[writer.sent if writer is not None else 0:]
        logger.warning("Search index not updated, %s change(s) of %s queued: %s", len(pending), kind, error,
                       exc_info=not isinstance(error, ENGINE_ERRORS))
        enqueue(kind, pending, error=str(error))
        result.queued = len(pending)
        return result


def _sync_pages(ids: list[str]) -> SyncResult:
    """Pages live in Wagtail's own index (all pages; visibility is checked when searching)."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    pages = {str(page.pk): page for page in Page.objects.filter(pk__in=ids).specific()}
    for pk in ids:
        page = pages.get(pk)
        if page is not None:
            backend.add(page)
        else:
            backend.delete(Page(pk=int(pk)))
    return SyncResult(indexed=len(pages), deleted=len(ids) - len(pages))


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
        sync(kind, ids)


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
                sync(kind, chunk, queue_on_failure=False)
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


def rebuild(kind: str, *, progress: bool = True, chunk_size: int = REBUILD_CHUNK_SIZE) -> tuple[str, int]:
    """Fill a new version of ``kind``'s index from the database, then swap the alias to it.

    The alias keeps serving the old version until the swap, so searches never see an empty or
    half index; live changes during the rebuild are written to both versions, and each chunk
    reads the database just before it is sent (an object deleted meanwhile is deleted, not
    revived). The new version is filled without refreshes or replicas, gets its served settings
    back before the swap, and is dropped if the rebuild fails. Bulk requests stay bounded
    (BULK_MAX_ACTIONS, BULK_MAX_BYTES), so a single-threaded engine keeps answering searches
    in between. Returns the new index name and the number of documents.
    """
    from tqdm import tqdm

    doc_cls = DOCUMENTS[kind]
    new_index = create_version(doc_cls, building=True)
    try:
        ids = list(doc_cls.indexable().order_by("pk").values_list("pk", flat=True))
        with tqdm(total=len(ids), desc=f"Suchindex {kind}", unit="Dok.", disable=not progress) as bar:
            for start in range(0, len(ids), chunk_size):
                chunk = ids[start:start + chunk_size]
                sync(kind, chunk, indices=[new_index], queue_on_failure=False, refresh_now=False)
                bar.update(len(chunk))
        finish_version(new_index)
    except BaseException:
        drop_version(new_index)  # never served; live writes must not keep going to it
        raise
    swap_alias(doc_cls, new_index)
    refresh(doc_cls)
    return new_index, len(ids)
