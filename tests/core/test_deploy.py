"""The production settings pass Django's deployment checks and refuse to start without a SECRET_KEY."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(tmp_path, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--settings=config.settings.production"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issue_with_the_required_environment(tmp_path):
    result = run_check(
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="innenstaedte.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_refuse_to_start_without_secret_key(tmp_path):
    result = run_check(tmp_path, ALLOWED_HOSTS="innenstaedte.example.org", DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert result.returncode != 0
    assert "SECRET_KEY muss in der Umgebung gesetzt sein" in result.stderr


def redis_reachable() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def shell(code, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    base.update(env)
    return subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=base,
                          capture_output=True, text=True, timeout=120)


def test_with_redis_url_every_process_shares_one_cache(tmp_path):
    """Rate limits and the cached site frame hold across all web processes (and servers) with REDIS_URL."""
    if not redis_reachable():
        import pytest

        pytest.skip("no Redis on 127.0.0.1:6379")
    env = {"REDIS_URL": "redis://127.0.0.1:6379/15", "DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    key = f"imz-test-{secrets.token_hex(8)}"
    written = shell(f"from django.core.cache import cache; cache.set('{key}', 'geteilt', 60)", **env)
    assert written.returncode == 0, written.stderr
    read = shell(f"from django.core.cache import cache; print(cache.get('{key}')); cache.delete('{key}')", **env)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().splitlines()[-1] == "geteilt"
