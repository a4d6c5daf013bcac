"""Page search at scale: Wagtail's index build and the German page query of /suche/.

    .venv/bin/python bench/pages_search.py --pages 500

Throwaway SQLite DB in /tmp and the embedded engine (or ELASTICSEARCH_URL with a fresh prefix).
Creates published standard pages with generated German titles and texts, runs ``update_index``
and prints its time, then per query its hits, the latency (median, p95) of ``search_pages`` (query,
pages from the database, highlights) and the engine's median time for the query request alone.
"""

import argparse
import random
import statistics
import time

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
    from wagtail.search.backends import get_search_backend

    from core.models import HomePage
    from search.selectors import page_search_body, search_pages
    from tests.core.factories import StandardPageFactory

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
    call_command("update_index", verbosity=0)
    print(f"update_index: {time.monotonic() - started:.1f} s")
    backend = get_search_backend()
    print(f"{'query':<24} {'hits':>5} {'median ms':>10} {'p95 ms':>8} {'engine query ms':>16}")
    for q in QUERIES:
        latencies, engine = [], []
        for _ in range(runs):
            t = time.monotonic()
            total, _ = search_pages(q, size=20)
            latencies.append((time.monotonic() - t) * 1000)
            index, body = page_search_body(q, size=20)
            t = time.monotonic()
            backend.es.search(index=index, **body)
            engine.append((time.monotonic() - t) * 1000)
        p95 = sorted(latencies)[max(0, int(len(latencies) * 0.95) - 1)]
        print(f"{q:<24} {total:>5} {statistics.median(latencies):>10.1f} {p95:>8.1f} {statistics.median(engine):>16.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    main(args.pages, args.runs)
