"""gunicorn's settings for this site, read from the project folder (``gunicorn config.wsgi``).

A request mostly waits on the search engine and the database, so each worker process serves
several requests at once on threads (``gthread``), and keeps a client's connection open between
its requests (the proxy's or an API client's): no new connection, and no waking of every idle
worker, per request. Workers: ``WEB_CONCURRENCY`` or ``-w`` (gunicorn's own), else two.
Everything the code keeps between requests is thread-safe: per-request memo in a ContextVar,
per-process memos swapped whole, caches and the search client shared.
"""

import os

# The Django project lives in site/ (a source folder, see README): importable from here on.
pythonpath = os.path.join(os.path.dirname(os.path.abspath(__file__)), "site")
wsgi_app = "config.wsgi:application"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
keepalive = 5  # seconds a client's idle connection stays open
