"""The one Elasticsearch client of the site, configured from ``settings.ELASTICSEARCH_URL``.

It sends plain JSON (``PlainJsonNode``) so the same code talks to the embedded osmem-server and
to a real cluster. Tests may point it elsewhere with ``override_settings(ELASTICSEARCH_URL=...)``:
the client is cached per URL.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch

from search.transport import PlainJsonNode

TIMEOUT_SECONDS = 5
RETRIES = 1  # one more try after a timeout: a search queued behind a bulk write during a rebuild


@lru_cache(maxsize=4)
def _client_for(url: str) -> Elasticsearch:
    return Elasticsearch(
        url or "http://127.0.0.1:9200",
        node_class=PlainJsonNode,
        request_timeout=TIMEOUT_SECONDS,
        max_retries=RETRIES,
        retry_on_timeout=True,
    )


def get_client() -> Elasticsearch:
    """The client for the configured engine (one per URL, shared by every caller)."""
    return _client_for(settings.ELASTICSEARCH_URL)
