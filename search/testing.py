"""Helpers for tests that go through the search engine (used by tests/conftest.py's ``search_index``)."""

from search.client import get_client
from search.documents import DOCUMENTS
from search.indexes import version_pattern


def drop_indices() -> None:
    """Delete every version of every search index (the next write creates them again, empty)."""
    client = get_client()
    for doc_cls in DOCUMENTS.values():
        for name in client.indices.get_alias(index=version_pattern(doc_cls), ignore_unavailable=True) or {}:
            client.indices.delete(index=name, ignore_unavailable=True)
