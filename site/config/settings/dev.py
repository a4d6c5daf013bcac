"""Local development: debug on, a throwaway secret key, mails to the console."""

import os

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# Public, so anyone could sign links with it: `bin/run` refuses it on an address other than loopback.
DEV_SECRET_KEY = "dev-only-insecure-key-innenstaedte-mit-zukunft"
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY  # noqa: F405
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)  # public media only; documents never (config/urls.py)
DEMO_LOGINS_ENABLED = env_bool("DEMO_LOGINS_ENABLED", True)
SERVER_TIMING = env_bool("SERVER_TIMING", True)

# A search engine of its own when no ELASTICSEARCH_URL is given and Java is there
# (EMBEDDED_SEARCH=0 turns it off; without either, search uses the database fallbacks).
if env_bool("EMBEDDED_SEARCH", True):
    from search.engine.launch import ensure_engine_url

    ELASTICSEARCH_URL = ensure_engine_url()
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "0"))  # one node
