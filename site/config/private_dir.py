"""Folders only the web user may touch (the file cache unpickles what it finds there)."""

from __future__ import annotations

import os
import stat

from django.core.exceptions import ImproperlyConfigured


def private_folder(path: str | os.PathLike) -> str:
    """``path``, created owner-only (0700) when missing; refused at start when it is a symbolic
    link, belongs to another user or others may write to it: whoever can put a file there runs
    code as the web user."""
    path = os.fspath(path)
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
    except OSError as error:
        raise ImproperlyConfigured(
            f"Der Cache-Ordner {path} lässt sich nicht anlegen ({error.strerror}); CACHE_DIR auf einen Ordner "
            f"des Web-Benutzers setzen oder REDIS_URL. (The cache folder cannot be created.)"
        ) from error
    found = os.lstat(path)
    problem = None
    if stat.S_ISLNK(found.st_mode) or not stat.S_ISDIR(found.st_mode):
        problem = "ist kein Ordner, sondern ein Verweis oder eine Datei"
    elif found.st_uid != os.geteuid():
        problem = "gehört einem anderen Benutzer"
    elif found.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = "ist für andere Benutzer beschreibbar"
    if problem:
        raise ImproperlyConfigured(
            f"Der Cache-Ordner {path} {problem}; die Website startet so nicht. Ordner entfernen oder mit "
            f"„chmod 700“ dem Web-Benutzer allein geben (CACHE_DIR, REDIS_URL). "
            f"(The cache folder {path} is not private to this user.)"
        )
    return path
