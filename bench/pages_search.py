"""Page search at scale: the page index's rebuild and the German page query of /suche/.

    .venv/bin/python bench/pages_search.py --pages 500

Throwaway SQLite DB in /tmp and a fresh OpenSearch node (``search.engine.launch.start``, heap
2 GB; or ELASTICSEARCH_URL with a fresh prefix). Creates published standard pages with generated
German titles and texts (each synced live on publish), rebuilds the page index and prints its
time, then per query its hits, the latency (median, p95) of ``search_pages`` (query, pages from
the database, highlights from the same request) and the engine's median time for the query
request alone.
"""

import argparse
import atexit
import os
import random
import statistics
import time

from perf import Engine, loadavg

ENGINE = Engine()  # before Django: the settings read ELASTICSEARCH_URL
atexit.register(ENGINE.stop)
os.environ["ELASTICSEARCH_URL"] = ENGINE.url
os.environ["IMZ_ENGINE_CONFIG_DIRS"] = ENGINE.config_dirs
# Creating the pages must not wait for each page to become searchable (``wait_for``: up to the
# refresh interval per page); the page index is rebuilt before the searches anyway.
os.environ["SEARCH_REFRESH_ON_SAVE"] = "false"

import throwaway  # noqa: E402,F401  (Django on a throwaway database)
from django.core.management import call_command  # noqa: E402

QUERIES = ["Büro", "Buero", "Klima", "Hitzeschutzmassnahmen", "Hitzeschuz", "Innenstädte", "Stadtzentrum",
           "Hitze Quartier", "Xylqwertzpf"]
HEADS = ["Büroflächen", "Klimaanpassung", "Hitzeschutz", "Innenstadt", "Leerstand", "Zwischennutzung", "Gründung",
         "Marktplatz", "Stadtfest", "Förderung", "Quartier", "Ladenlokal", "Wochenmarkt", "Bürgerbeteiligung"]
TAILS = ["in Gera", "in Jena", "für Gründer", "im Quartier", "in der Altstadt", "für Kommunen", "im Sommer", "in Erfurt"]
WORDS = ("Die Innenstädte in Thüringen brauchen neue Ideen für Handel, Wohnen und Kultur. Hitzeschutzmaßnahmen, "
         "Schatten und Trinkwasser helfen im Sommer. Leerstehende Läden werden zu Ateliers und Büros. "
         "Kommunen, Händler und Eigentümer arbeiten im Bündnis zusammen.").split()


def main(count: int, runs: int) -> None:
    from wagtail.models import Page, Site

    from core.models import HomePage
    from search.client import get_client
    from search.documents import DOCUMENTS
    from search.query import search_body
    from search.selectors import search_pages
    from search.services import PAGES, rebuild
    from tests.core.factories import StandardPageFactory

    print(f"{ENGINE.version()}; {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; load {loadavg()}")

    call_command("migrate", interactive=False, verbosity=0)
    home = HomePage(title="Innenstädte mit Zukunft", slug="start")
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    rng = random.Random(5)
    started = time.monotonic()
    for n in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(40))
        StandardPageFactory(title=f"{rng.choice(HEADS)} {rng.choice(TAILS)} {n}", intro=f"<p>{text[:160]}</p>",
                            body=[{"type": "paragraph", "value": f"<p>{text}</p>"}])
    print(f"{count} pages created (incl. live indexing): {time.monotonic() - started:.1f} s")
    started = time.monotonic()
    _, indexed = rebuild(PAGES, progress=False)
    print(f"rebuild of the page index: {indexed} pages in {time.monotonic() - started:.1f} s")
    alias, client = DOCUMENTS[PAGES].alias(), get_client()
    print(f"{'query':<24} {'hits':>5} {'median ms':>10} {'p95 ms':>8} {'engine query ms':>16}")
    for q in QUERIES:
        latencies, engine = [], []
        for _ in range(runs):
            t = time.monotonic()
            total, _ = search_pages(q, size=20)
            latencies.append((time.monotonic() - t) * 1000)
            body = search_body(PAGES, q=q, size=20, source=["title", "url", "description"])
            t = time.monotonic()
            if body is not None:
                client.search(index=alias, body=body)
            engine.append((time.monotonic() - t) * 1000)
        p95 = sorted(latencies)[max(0, int(len(latencies) * 0.95) - 1)]
        print(f"{q:<24} {total:>5} {statistics.median(latencies):>10.1f} {p95:>8.1f} {statistics.median(engine):>16.1f}")
    print(f"load {loadavg()}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    main(args.pages, args.runs)
