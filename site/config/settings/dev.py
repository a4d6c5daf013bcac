"""Local development: debug on, a throwaway secret key, mails to the console."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-innenstaedte-mit-zukunft"  # noqa: F405
DEMO_LOGINS_ENABLED = env_bool("DEMO_LOGINS_ENABLED", True)

# The embedded search engine when no ELASTICSEARCH_URL is given (EMBEDDED_SEARCH=0 turns it off).
if env_bool("EMBEDDED_SEARCH", True):
    from search.embedded import ensure_engine_url

    from .base import WAGTAILSEARCH_BACKENDS

    ELASTICSEARCH_URL = ensure_engine_url()
    WAGTAILSEARCH_BACKENDS["default"]["URLS"] = [ELASTICSEARCH_URL]
