"""Browser fixtures: Debian's chromium through Playwright against a live server with the demo site.

Fast by design: one browser and one live server for the whole package, the demo content seeded
once (seed_demo, as the run command does; committed, so the server thread sees it on PostgreSQL
too), a fresh browser context per test. Each test runs in a transaction like any `db` test; rows
the server commits (inquiries) stay, so tests count what they create. The browser tests run after
every other test (collection hook below), so the seeded rows never reach another test.

Requests to any host other than the live server are refused: the tests never leave this machine
(map tiles from the public tile server are simply not drawn). Uploaded images live in the test
settings' in-memory storage, which no server serves, so /media/ requests are answered empty.
Screenshots of every step go to artifacts/browser/.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command, get_commands

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def pytest_collection_modifyitems(items):
    browser_items = [item for item in items if "tests/browser/" in str(item.fspath).replace(os.sep, "/")]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.django_db)
    chosen = set(browser_items)
    items[:] = [item for item in items if item not in chosen] + browser_items


@pytest.fixture(scope="package")
def browser():
    if not (shutil.which(CHROMIUM) or os.path.exists(CHROMIUM)):
        pytest.skip(f"chromium fehlt ({CHROMIUM}); .ci/run installiert es mit apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django's ORM (the tests read what
    # the live server stored) would otherwise refuse to run next to it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_playwright()
    playwright = manager.start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
    try:
        yield chromium
    finally:
        chromium.close()
        manager.__exit__(None, None, None)
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def site_server(django_db_setup, django_db_blocker):
    """A live server over the test database with the demo content, for all browser tests."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        with open(os.devnull, "w") as quiet:
            call_command("seed_demo", stdout=quiet)
            if "search_index" in get_commands():
                call_command("search_index", rebuild=True, stdout=quiet)
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
    try:
        yield server
    finally:
        server._live_server_modified_settings.disable()
        server.stop()


@pytest.fixture
def site(site_server):
    """The live server's URL."""
    cache.clear()  # inquiry rate limits
    return site_server.url


def _local_only(route):
    url = urlsplit(route.request.url)
    if url.hostname not in LOCAL_HOSTS:
        route.abort()
    elif url.path.startswith("/media/"):
        route.fulfill(status=404, body="")
    else:
        route.continue_()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, base_url=site)
    context.route(re.compile(r"^https?://"), _local_only)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def shot(page, request):
    """shot("name") saves a full-page screenshot as artifacts/browser/<test>--<nn>-<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test = re.sub(r"[^A-Za-z0-9_-]+", "_", request.node.name)
    counter = {"n": 0}

    def take(name: str) -> Path:
        counter["n"] += 1
        path = ARTIFACTS / f"{test}--{counter['n']:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def axe(page):
    """axe() -> the serious and critical violations on the current page (axe-core from npm)."""
    if not AXE.exists():
        # bin/setup runs `npm ci`; without npm the scans skip on a developer's machine, never in CI.
        reason = "node_modules/axe-core fehlt: bin/setup führt `npm ci` aus (braucht npm)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    source = AXE.read_text(encoding="utf-8")

    def run() -> list[dict]:
        # Evaluated by the test driver, not added as an inline <script>: the site's CSP refuses those.
        page.evaluate(source)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run
