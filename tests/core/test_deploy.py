"""The production settings pass Django's deployment checks and refuse to start without a SECRET_KEY."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from core.management.commands import rundemo

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


# The Redis the cache test writes to: REDIS_URL when set (.ci/run starts one and sets it; then it must
# answer), else a local default server, and the test skips when none answers there.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    import socket
    from urllib.parse import urlsplit

    url = urlsplit(REDIS_URL)
    try:
        socket.create_connection((url.hostname or "127.0.0.1", url.port or 6379), timeout=1).close()
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

        if "REDIS_URL" in os.environ:
            pytest.fail(f"REDIS_URL is set, but no Redis answers at {REDIS_URL}")
        pytest.skip(f"no Redis at {REDIS_URL} (set REDIS_URL, or start redis-server)")
    env = {"REDIS_URL": REDIS_URL, "DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    key = f"imz-test-{secrets.token_hex(8)}"
    written = shell(f"from django.core.cache import cache; cache.set('{key}', 'geteilt', 60)", **env)
    assert written.returncode == 0, written.stderr
    read = shell(f"from django.core.cache import cache; print(cache.get('{key}')); cache.delete('{key}')", **env)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().splitlines()[-1] == "geteilt"


def test_the_app_server_keeps_a_client_connection_open(tmp_path):
    """gunicorn with the project's gunicorn.conf.py (threaded workers): a client's (or the proxy's)
    second request goes over the same connection, without a new handshake per request."""
    import http.client
    import selectors
    import signal
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update(SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="127.0.0.1", WEB_CONCURRENCY="1",
               DJANGO_SETTINGS_MODULE="config.settings.production", DATABASE_URL=f"sqlite:///{tmp_path / 'g.sqlite3'}")
    server = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "-b", f"127.0.0.1:{port}"], cwd=ROOT,
                              env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        waiting = selectors.DefaultSelector()
        waiting.register(server.stderr, selectors.EVENT_READ)
        log = ""
        while "Listening at" not in log:  # the socket is open: connections queue until a worker accepts
            assert waiting.select(timeout=60), f"gunicorn did not start: {log}"
            line = server.stderr.readline()
            assert line, f"gunicorn stopped: {log}"
            log += line
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"X-Forwarded-Proto": "https"}
        connection.request("GET", "/api/v1/openapi.json", headers=headers)
        first = connection.getresponse()
        first.read()
        sock = connection.sock
        connection.request("GET", "/api/v1/openapi.json", headers=headers)
        second = connection.getresponse()
        second.read()
        assert first.status == second.status == 200
        assert first.getheader("Connection", "").lower() != "close"
        assert connection.sock is sock  # the same connection served both requests
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _production_env(tmp_path, **env):
    # REDIS_URL empty: the file cache (CI sets REDIS_URL for the shared-cache test)
    return dict(SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="innenstaedte.example.org",
                DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}", REDIS_URL="", **env)


def test_the_file_cache_folder_is_created_for_the_web_user_alone(tmp_path):
    folder = tmp_path / "cache"
    result = run_check(tmp_path, **_production_env(tmp_path, CACHE_DIR=str(folder)))
    assert result.returncode == 0, result.stderr
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_cache_folder_others_can_write_to_is_refused_at_start(tmp_path):
    # A local user who created the folder first (world-writable, as under /tmp) could plant pickles.
    folder = tmp_path / "planted"
    folder.mkdir()
    folder.chmod(0o777)
    result = run_check(tmp_path, **_production_env(tmp_path, CACHE_DIR=str(folder)))
    assert result.returncode != 0
    assert "ist für andere Benutzer beschreibbar" in result.stderr


def test_a_cache_folder_of_another_user_is_refused_at_start(tmp_path):
    if os.geteuid() != 0:
        import pytest

        pytest.skip("nur als root lässt sich ein Ordner einem anderen Benutzer geben")
    folder = tmp_path / "foreign"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)  # nobody
    result = run_check(tmp_path, **_production_env(tmp_path, CACHE_DIR=str(folder)))
    assert result.returncode != 0
    assert "gehört einem anderen Benutzer" in result.stderr


def test_the_default_cache_folder_is_not_under_the_shared_temp_directory():
    import tempfile

    base = subprocess.run(
        [sys.executable, "-c", "import config.settings.base as s; print(s.CACHES['default']['LOCATION'])"],
        cwd=ROOT, env={k: v for k, v in os.environ.items() if k not in {"CACHE_DIR", "REDIS_URL"}}
        | {"PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}"},
        capture_output=True, text=True, timeout=60,
    )
    location = base.stdout.strip()
    assert base.returncode == 0, base.stderr
    assert location.startswith(str(ROOT / "var" / "cache-"))  # the project's own folder (a clone may sit under /tmp)
    assert os.path.dirname(location) != tempfile.gettempdir()


# Issue 21.13: `bin/run 0.0.0.0:8000` ran with the public development key, DEBUG and the demo
# logins, and served the private AG protocol under /media/.


def _rundemo(addrport, settings, **overrides):
    for name, value in overrides.items():
        setattr(settings, name, value)
    with pytest.raises(CommandError) as refused:
        call_command("rundemo", addrport)
    return str(refused.value)


DEV_KEY = "dev-only-insecure-key-innenstaedte-mit-zukunft"


def test_bin_run_on_a_public_address_refuses_the_dev_key_debug_and_demo_logins(settings):
    settings.DEV_SECRET_KEY = DEV_KEY
    message = _rundemo("0.0.0.0:8000", settings, SECRET_KEY=DEV_KEY, DEBUG=True, DEMO_LOGINS_ENABLED=True)
    assert "von anderen Rechnern erreichbar" in message
    assert "SECRET_KEY" in message and "DEBUG=0" in message and "DEMO_LOGINS_ENABLED=0" in message
    for addrport in ("192.168.1.20:8000", "[::]:8000", "demo.example.org:80"):
        assert "SECRET_KEY" in _rundemo(addrport, settings, SECRET_KEY=DEV_KEY, DEBUG=False, DEMO_LOGINS_ENABLED=False)
    assert "DEBUG=0" in _rundemo("0.0.0.0:8000", settings, SECRET_KEY="x" * 50, DEBUG=True, DEMO_LOGINS_ENABLED=False)


def test_bin_run_on_loopback_starts_with_the_dev_settings(settings, monkeypatch):
    steps = []
    monkeypatch.setattr(rundemo, "call_command", lambda name, *args, **kwargs: steps.append(name))
    settings.DEV_SECRET_KEY = settings.SECRET_KEY = DEV_KEY
    settings.DEBUG = True
    for addrport in ("127.0.0.1:8000", "localhost:8001", "[::1]:8000", "8002"):
        steps.clear()
        call_command("rundemo", addrport)
        assert steps[0] == "migrate" and steps[-1] == "runserver", addrport


def test_media_served_by_the_site_never_includes_documents(client, settings, tmp_path, db):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "protokoll-ag-klima.pdf").write_bytes(b"%PDF-1.4 VERTRAULICH-AG-KLIMA")
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "anger.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert client.get("/media/original_images/anger.png").status_code == 200
    for path in ("/media/documents/protokoll-ag-klima.pdf", "/media/original_images/../documents/protokoll-ag-klima.pdf",
                 "/media//documents/protokoll-ag-klima.pdf", "/media/./documents/protokoll-ag-klima.pdf"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"VERTRAULICH-AG-KLIMA" not in b"".join(getattr(response, "streaming_content", [response.content]))
