"""How long a request waited for the search engine, in the response's ``Server-Timing`` header.

``search;dur=…`` is the time spent in requests to the engine (on the wire: sending, the engine's
work, receiving; not decoding the answer), ``app;dur=…`` the rest of the request in Django. Browser
devtools show both; bench/perf.py reads them to give the application's share of the same requests.
Off unless ``SERVER_TIMING`` is set (dev and bench: on; production: only when asked for).
"""

from __future__ import annotations

import time
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from opensearchpy import Urllib3HttpConnection

_waited: ContextVar[list[float] | None] = ContextVar("search_engine_waited", default=None)


class TimedConnection(Urllib3HttpConnection):
    """The client's connection, adding each request's time on the wire to the current request's tally."""

    def perform_request(self, *args, **kwargs):
        waited = _waited.get()
        if waited is None:
            return super().perform_request(*args, **kwargs)
        started = time.perf_counter()
        try:
            return super().perform_request(*args, **kwargs)
        finally:
            waited.append(time.perf_counter() - started)


class ServerTimingMiddleware:
    def __init__(self, get_response):
        if not settings.SERVER_TIMING:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        waited: list[float] = []
        token = _waited.set(waited)
        try:
            response = self.get_response(request)
        finally:
            _waited.reset(token)
        total_ms = (time.perf_counter() - started) * 1000
        engine_ms = sum(waited) * 1000
        response["Server-Timing"] = (
            f'search;dur={engine_ms:.2f};desc="Suchmaschine ({len(waited)})", '
            f'app;dur={total_ms - engine_ms:.2f};desc="Anwendung"'
        )
        return response
