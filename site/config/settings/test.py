"""Test settings: fast hashing, in-memory mail, the search engine started once."""

import os

from search.engine.launch import ensure_engine_url

from .base import *  # noqa: F401,F403
from .base import SEARCH_INDEX_PREFIX

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_LOGINS_ENABLED = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Each test process its own cache (tests empty it between tests).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "innenstaedte-test"}}

# Uses ELASTICSEARCH_URL when set (bin/test starts the engine), else starts one node per run.
ELASTICSEARCH_URL = ensure_engine_url()
SEARCH_INDEX_PREFIX = SEARCH_INDEX_PREFIX + "test_"
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "0"))  # one node
# Tiny indices: refreshing at once costs nothing and spares each saving test up to a second.
SEARCH_REFRESH_ON_SAVE = "true"
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "10"))  # a loaded CI machine; tests of timeouts set their own

# A database per test process on PostgreSQL, so parallel runs on one server do not collide.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("TEST", {})["NAME"] = f"test_imz_{os.getpid()}"  # noqa: F405

SERVE_MEDIA = True  # the tests check what the site serves under /media/
