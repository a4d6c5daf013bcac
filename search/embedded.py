"""The embedded search engine (osmem-server) for local runs and tests.

Plain Python, no Django: settings import it before Django is set up.
"""

import atexit
import os

_server = None


def start_embedded_engine():
    """Start osmem-server on a free loopback port; it stops with this process."""
    global _server
    if _server is None:
        from osmem_server import OsmemServer

        _server = OsmemServer.start(japanese=False, addr="127.0.0.1:0")
        atexit.register(_server.close)
    return _server.url


def ensure_engine_url():
    """ELASTICSEARCH_URL when set (a real cluster), else the URL of an embedded engine."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        url = start_embedded_engine()
        os.environ["ELASTICSEARCH_URL"] = url
    return url
