"""An engine that accepts connections but never answers (hung, e.g. stopped by SIGSTOP) must not
stall pages: searches give up after SEARCH_TIMEOUT and lists fall back to the database."""

import socket

import pytest

from tests.partners.factories import offer_catalogue

NONSENSE = "Xylqwertzpf"


@pytest.fixture
def hung_engine():
    """A listening socket nobody reads from: connections succeed, answers never come."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_a_hung_engine_does_not_stall_search_or_lists(client, home_page, committed, settings, hung_engine):
    with committed():
        offer_catalogue()
    settings.ELASTICSEARCH_URL = hung_engine
    settings.SEARCH_TIMEOUT = 0.5
    response = client.get("/suche/", {"q": "Nachfolge"})
    assert response.status_code == 200  # after SEARCH_TIMEOUT, from the database, and said in German
    assert "Die Volltextsuche ist gerade eingeschränkt" in response.content.decode()
    assert "Nachfolge-Club" in response.content.decode()
    assert "Nachfolge-Club" not in client.get("/suche/", {"q": NONSENSE}).content.decode()
    listing = client.get("/angebote/", {"q": "Nachfolge"})
    assert listing.status_code == 200
    assert "Nachfolge-Club" in listing.content.decode()  # the database fallback answered
    assert "Nachfolge-Club" not in client.get("/angebote/", {"q": NONSENSE}).content.decode()
    assert client.get("/").status_code == 200
