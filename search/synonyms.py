"""The synonyms of the search: ``search/lexicon/synonyms.txt``, read by the engine at search time.

Editors extend the file; ``reload_synonyms`` (command ``search_synonyms``) copies it into the
engine's config directories and has every index re-read its search analyzers: no rebuild, no
closed index. On the embedded engine the directories are known (``IMZ_ENGINE_CONFIG_DIRS``); on a
production cluster the file is deployed to each node's ``config/imz/`` by the deployment, and
``SEARCH_SYNONYMS_DIRS`` may name directories the site can write to (docs/deploy.md).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from search.analysis import LEXICON
from search.client import get_write_client

SYNONYMS_FILE = Path(__file__).resolve().parent / "lexicon" / "synonyms.txt"


@dataclass
class ReloadResult:
    copied_to: list[str]
    reloaded_shards: int
    failed_shards: int


def config_dirs() -> list[Path]:
    value = os.environ.get("IMZ_ENGINE_CONFIG_DIRS") or getattr(settings, "SEARCH_SYNONYMS_DIRS", "")
    return [Path(part) for part in value.split(os.pathsep) if part]


def reload_synonyms() -> ReloadResult:
    copied = []
    for config in config_dirs():
        (config / LEXICON).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SYNONYMS_FILE, config / LEXICON / SYNONYMS_FILE.name)
        copied.append(str(config))
    answer = get_write_client().transport.perform_request(
        "POST", f"/_plugins/_refresh_search_analyzers/{settings.SEARCH_INDEX_PREFIX}*"
    )
    shards = answer.get("_shards", {})
    return ReloadResult(copied, shards.get("successful", 0), shards.get("failed", 0))
