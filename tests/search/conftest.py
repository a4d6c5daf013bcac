"""Search tests run against the embedded engine (or ELASTICSEARCH_URL): each starts from empty indices."""

import pytest

from search.client import get_client
from search.documents import DOCUMENTS
from search.indexes import version_pattern


def drop_indices():
    client = get_client()
    for doc_cls in DOCUMENTS.values():
        for name in client.indices.get_alias(index=version_pattern(doc_cls), ignore_unavailable=True) or {}:
            client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture(autouse=True)
def empty_search_indices(db):
    drop_indices()
    yield
    drop_indices()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs on_commit callbacks (the index sync) as a real commit would: ``with committed(): ...``."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
