"""Helpers for tests that go through the search engine (tests/conftest.py's ``search_index``)."""

from search.client import get_write_client
from search.documents import DOCUMENTS
from search.indexes import version_pattern, versions


def drop_indices() -> None:
    """Delete every version of every search index (the next write creates them again, empty)."""
    client = get_write_client()
    for doc_cls in DOCUMENTS.values():
        for name in client.indices.get_alias(index=version_pattern(doc_cls), ignore_unavailable=True) or {}:
            client.indices.delete(index=name, ignore_unavailable=True)


def empty_indices() -> None:
    """Every index empty again, kept: creating an index (its German analysis loads a word list of
    220,000 words) costs far more than deleting a test's few documents. Versions left by a
    rebuild test are dropped."""
    client = get_write_client()
    for doc_cls in DOCUMENTS.values():
        found = versions(doc_cls)
        for name, live in found.items():
            if live:
                client.delete_by_query(index=name, body={"query": {"match_all": {}}}, refresh=True,
                                       conflicts="proceed")
            else:
                client.indices.delete(index=name, ignore_unavailable=True)
