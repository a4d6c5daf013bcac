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
