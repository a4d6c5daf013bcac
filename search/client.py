"""The engine clients of the site, configured from ``settings.ELASTICSEARCH_URL``.

Two per URL: searches wait ``SEARCH_TIMEOUT`` seconds (a visitor waits; after that the callers
fall back to the database or say so), writes ``SEARCH_WRITE_TIMEOUT`` (bulk requests of a rebuild).
Cached per URL, so tests may point the site elsewhere with ``override_settings``.
"""

from __future__ import annotations

from functools import lru_cache

import orjson
from django.conf import settings
from opensearchpy import OpenSearch
from opensearchpy.exceptions import SerializationError
from opensearchpy.serializer import JSONSerializer

from search.timing import TimedConnection


class FastJSONSerializer(JSONSerializer):
    """orjson for bodies and answers: a 100k rebuild or import serializes 200,000 bulk lines, and
    the standard json module was a fifth of the application's CPU there. What orjson cannot
    write (a Decimal, a UUID) goes through the client's own ``default``."""

    def dumps(self, data):
        if isinstance(data, str):
            return data
        try:
            return orjson.dumps(data, default=self.default, option=orjson.OPT_NON_STR_KEYS).decode()
        except TypeError as error:
            raise SerializationError(data, error)

    def loads(self, s):
        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError as error:
            raise SerializationError(s, error)


@lru_cache(maxsize=8)
def _client_for(url: str, timeout: float, retries: int) -> OpenSearch:
    hosts = [part.strip() for part in (url or "http://127.0.0.1:9200").split(",") if part.strip()]
    # pool_maxsize: a threaded web worker (gunicorn.conf.py) sends several requests at once.
    return OpenSearch(hosts=hosts, timeout=timeout, max_retries=retries, retry_on_timeout=False, http_compress=False,
                      pool_maxsize=8, connection_class=TimedConnection,
                      serializer=FastJSONSerializer())


def engine_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def get_client() -> OpenSearch:
    """For searches: short timeout, one retry on another node when a connection fails."""
    return _client_for(settings.ELASTICSEARCH_URL, float(settings.SEARCH_TIMEOUT), 1)


def get_write_client() -> OpenSearch:
    """For index writes: long timeout (bulk requests), retries on another node."""
    return _client_for(settings.ELASTICSEARCH_URL, float(settings.SEARCH_WRITE_TIMEOUT), 2)
