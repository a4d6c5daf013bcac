"""Settings shared by every environment; values that differ come from the environment."""

import hashlib
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.private_dir import private_folder

SITE_DIR = Path(__file__).resolve().parent.parent.parent  # site/
BASE_DIR = SITE_DIR.parent  # repository root


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps (site/ and the top-level domain apps)
    "core",
    "alliance",
    "toolbox",
    "partners",
    "common",
    "premises",
    "matching",
    "vacancy",
    "members",
    "search",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # the API docs' Swagger UI from our own static files, not a CDN
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "search.timing.ServerTimingMiddleware",  # first: its app time covers the other middleware
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RequestMemoMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.ControlCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (or anything dj-database-url knows) via DATABASE_URL.
# Connections are kept for a minute (DB_CONN_MAX_AGE seconds; 0: a new one per request), checked
# before reuse: opening one costs more than a whole API request's queries (SQLite reads the
# schema of every app anew, PostgreSQL authenticates a new backend).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every login path (members, Wagtail admin, municipal tools, Django admin) goes through this
# backend: accounts that failed too often from one address are refused there (core/logins.py).
AUTHENTICATION_BACKENDS = ["common.logins.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "common.logins.AdminLoginForm"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first: every screen, message and e-mail is German.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# The site serves public media itself (development, `bin/run`); in production the web server does,
# and like the site it must never serve MEDIA_ROOT/documents/ (docs/deploy.md): documents go
# through the permission-checked document view only.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
PRIVATE_MEDIA_PREFIXES = ("documents/",)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Uploads: refuse oversized files early (images and documents have their own limits below).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Innenstädte mit Zukunft <noreply@innenstaedte-thueringen.de>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# One cache for all worker processes of this host: the cached site frame (core.selectors.site_frame)
# follows an editor's change in every worker at once, and rate limits count across workers. Several
# hosts: REDIS_URL. Otherwise a file cache in a folder per database under the project's own var/
# (or CACHE_DIR), owner-only: never a predictable folder under the shared temp directory, since the
# file cache unpickles what it finds (config/private_dir.py refuses a folder others can write to).
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": private_folder(os.environ.get("CACHE_DIR") or BASE_DIR / "var" / (
                "cache-" + hashlib.sha256(str(DATABASES["default"].get("NAME")).encode()).hexdigest()[:12])),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Behind a proxy, the request header with the client address for rate limits (its last entry counts),
# e.g. HTTP_X_FORWARDED_FOR; empty: REMOTE_ADDR.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Wagtail
WAGTAIL_SITE_NAME = "Innenstädte mit Zukunft"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "common.uploads.DocumentForm"  # the content must match the extension
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # refuses decompression bombs
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Documents always go through Wagtail's serve view, which enforces collection view restrictions;
# never a redirect to the storage URL (private documents of the members' area live in such collections).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Private pages and documents send visitors to the members' login.
WAGTAIL_FRONTEND_LOGIN_URL = "/intern/anmelden/"

# Search: the engine at ELASTICSEARCH_URL (OpenSearch 2.19 / Elasticsearch-compatible; several
# nodes comma-separated). Unset: no engine, lists and search use their database fallbacks (dev
# and tests start one from Maven when Java is there: search/engine/launch.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "imz_")
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "1"))  # a copy of each shard on another node
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "1.5"))  # seconds a visitor waits, then the fallback
# A save someone waits to see: "wait_for" the next periodic refresh (no extra segment per save).
SEARCH_REFRESH_ON_SAVE = os.environ.get("SEARCH_REFRESH_ON_SAVE", "wait_for")
# The Server-Timing header (search engine and application time of each response; search/timing.py).
SERVER_TIMING = env_bool("SERVER_TIMING", False)
SEARCH_WRITE_TIMEOUT = float(os.environ.get("SEARCH_WRITE_TIMEOUT", "120"))  # bulk requests of a rebuild
# Where the site may copy the synonym file for the engine's nodes (search/synonyms.py); os.pathsep-separated.
SEARCH_SYNONYMS_DIRS = os.environ.get("SEARCH_SYNONYMS_DIRS", "")
# Wagtail's own search (the admin's page and image search) stays in the database; the public site
# search indexes pages as documents of its own (search/documents.py: PageDocument).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Map tiles for Leaflet (configurable; the default is OpenStreetMap's public tile server).
# Content-Security-Policy of every public page (core.middleware): scripts from this site only,
# no inline scripts; map tiles and two-click media from these hosts only, and only after a click.
CSP_FRAME_SOURCES = os.environ.get(
    "CSP_FRAME_SOURCES", "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"
).split()
# The Wagtail and Django admins set inline scripts of their own: no site policy there.
CSP_EXEMPT_PREFIXES = ("/admin/", "/django-admin/")
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", "&copy; OpenStreetMap-Mitwirkende"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Seed data that must never reach production (demo logins).
DEMO_LOGINS_ENABLED = env_bool("DEMO_LOGINS_ENABLED", False)
