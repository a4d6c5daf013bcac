"""Django for a bench script on a throwaway SQLite database (and a fresh index prefix), so the dev
site's database and index are never touched. Import it first: ``from throwaway import ROOT, DB``."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
DB = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("SEARCH_INDEX_PREFIX", f"bench{os.getpid()}_")

import django  # noqa: E402

django.setup()
