"""Faults on a real cluster: a node killed during a query load and during a rebuild, and a hung engine.

    .venv/bin/python bench/faults.py                 # 3 nodes, replicas 1, the judged relevance listings

Starts its own 3-node cluster (search/engine/launch.py) and a throwaway test database, imports the
listings, builds the indices, then
1. kills one node (SIGKILL) while a thread sends searches through the site (/suche/, the premises
   API, the offers list) and the main thread saves listings; restarts it;
2. kills one node while ``search_index --rebuild`` runs and searches go on; restarts it;
3. stops every node (SIGSTOP: connections accepted, never answered) and requests pages;
after each step ``search_replay`` runs and the premises index is compared with the database.
Prints per step: requests, answers by status, searches that answered "unavailable", whether the
index equals the database. A 5xx other than the search page's own 503 ("Volltextsuche ist gerade
kurz nicht verfügbar") counts as a failure.
"""

import collections
import os
import signal
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTINGS = ROOT / "bench" / "judged" / "relevance" / "premises.csv"
QUERIES = ["Laden", "Büro Erfurt", "Gewerbefläche", "Cafe", "Werkstatt", "Lagerhalle", "barrierefrei"]


def main() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    from search.engine.launch import start

    cluster = start(nodes=3)
    os.environ["ELASTICSEARCH_URL"] = ",".join(cluster.urls)
    os.environ["SEARCH_REPLICAS"] = "1"
    os.environ["SEARCH_TIMEOUT"] = "2"
    os.environ["SEARCH_INDEX_PREFIX"] = "faults_"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    try:
        return run(cluster)
    finally:
        cluster.stop()


def run(cluster) -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    failures = 0
    try:
        call_command("import_premises", str(LISTINGS), verbosity=0)
        call_command("search_index", rebuild=True, verbosity=0)
        failures += step("node killed during queries and saves", cluster, kill=1, during=save_listings)
        failures += step("node killed during a rebuild", cluster, kill=2,
                         during=lambda: call_command("search_index", "--rebuild", "--only", "premises", verbosity=0))
        failures += hung_engine(cluster, Client())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print("OK: no failed request, nothing lost" if not failures else f"FAILURES: {failures}")
    return 0


def save_listings():
    """Listings saved while a node is down: they must reach the index (or the queue) and not be lost."""
    from premises.models import Premises

    for premises in Premises.objects.public().order_by("pk")[:25]:
        premises.title = premises.title + " (aktualisiert)"
        premises.save()


def load(stop: threading.Event, counts: collections.Counter, unavailable: list):
    """Searches through the site, one after another, until ``stop``; answers counted by status."""
    from django.db import connection
    from django.test import Client

    client = Client()
    n = 0
    while not stop.is_set():
        q = QUERIES[n % len(QUERIES)]
        n += 1
        for path, params in (("/suche/", {"q": q}), ("/api/v1/premises", {"q": q}), ("/angebote/", {"q": q})):
            response = client.get(path, params)
            counts[response.status_code] += 1
            if response.status_code == 503 and path == "/suche/":
                unavailable.append(q)
    connection.close()


def index_equals_database() -> bool:
    from premises.models import Premises
    from search.client import get_client
    from search.documents import PremisesDocument

    client = get_client()
    client.indices.refresh(index=PremisesDocument.alias())
    hits = client.search(index=PremisesDocument.alias(), body={"query": {"match_all": {}}, "size": 10_000,
                                                                 "_source": ["title"]})["hits"]["hits"]
    indexed = {int(hit["_id"]): hit["_source"]["title"] for hit in hits}
    stored = dict(Premises.objects.public().values_list("pk", "title"))
    return indexed == stored


def step(name: str, cluster, *, kill: int, during) -> int:
    from django.core.management import call_command

    counts: collections.Counter = collections.Counter()
    unavailable: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=load, args=(stop, counts, unavailable))
    thread.start()
    started = time.monotonic()
    cluster.kill(kill)
    try:
        during()
        error = ""
    except Exception as exc:  # noqa: BLE001 - reported, the step goes on
        error = repr(exc)[:300]
    stop.set()
    thread.join()
    cluster.restart(kill)
    call_command("search_replay", verbosity=0)
    equal = index_equals_database()
    failed = sum(count for status, count in counts.items() if status >= 500 and status != 503)
    print(f"{name}: {sum(counts.values())} requests in {time.monotonic() - started:.1f} s, by status "
          f"{dict(sorted(counts.items()))}, search unavailable {len(unavailable)}×, "
          f"index equals database after recovery: {equal}" + (f", error: {error}" if error else ""))
    return failed + (0 if equal else 1) + (1 if error else 0)


def hung_engine(cluster, client) -> int:
    """Every node stopped (SIGSTOP): pages must answer within the search timeout."""
    for node in cluster.nodes:
        os.kill(node.process.pid, signal.SIGSTOP)
    try:
        timings = {}
        for path, params in (("/", {}), ("/suche/", {"q": "Laden"}), ("/angebote/", {"q": "Laden"})):
            started = time.monotonic()
            response = client.get(path, params)
            timings[path] = (response.status_code, round(time.monotonic() - started, 2))
    finally:
        for node in cluster.nodes:
            os.kill(node.process.pid, signal.SIGCONT)
    print(f"hung engine (SIGSTOP on every node): status and seconds per page {timings}")
    return sum(1 for status, _ in timings.values() if status >= 500 and status != 503)


if __name__ == "__main__":
    sys.exit(main())
