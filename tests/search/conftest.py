"""Search tests start from empty indices; ``committed()`` runs the after-commit sync."""

import pytest

from search.testing import empty_indices


@pytest.fixture(autouse=True)
def empty_search_indices(db):
    empty_indices()
    yield
    empty_indices()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs on_commit callbacks (the index sync) as a real commit would: ``with committed(): ...``."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
