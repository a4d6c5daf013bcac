"""Support-offer search at scale: the engine query against the database fallback.

    .venv/bin/python bench/offers_search.py --offers 5000      # fresh SQLite DB in /tmp, fresh engine node

Creates offers across partners, vocabularies and municipalities, rebuilds the offers index, then
runs typical list requests (no filter, filters, text, deep page) through ``offers_search`` on the
engine and on the database (engine unreachable) and prints median latency and SQL queries each.
The engine: a fresh OpenSearch node (``search.engine.launch.start``, heap 2 GB), or
ELASTICSEARCH_URL with a fresh index prefix.
"""

import argparse
import atexit
import logging
import os
import random
import statistics
import time

from perf import Engine, loadavg

ENGINE = Engine()  # before Django: the settings read ELASTICSEARCH_URL
atexit.register(ENGINE.stop)
os.environ["ELASTICSEARCH_URL"] = ENGINE.url
os.environ["IMZ_ENGINE_CONFIG_DIRS"] = ENGINE.config_dirs

import throwaway  # noqa: E402,F401  (Django on a throwaway database)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from common.vocabularies import OfferCost, SeekerKind, Stage, SupportCategory  # noqa: E402
from partners.models import Partner, SupportOffer  # noqa: E402
from partners.selectors import offers_search  # noqa: E402
from search.services import rebuild  # noqa: E402

TOWNS = ["Erfurt", "Jena", "Weimar", "Gera", "Gotha", "Ilmenau", "Suhl", "Altenburg", "Eisenach", "Nordhausen"]
WORDS = ["Beratung", "Förderung", "Sprechstunde", "Workshop", "Netzwerk", "Mentoring", "Zuschuss", "Darlehen",
         "Nachfolge", "Gründung", "Digitalisierung", "Standort"]
REQUESTS = {
    "alles, Seite 1": {},
    "Kategorie+Phase+Kommune": {"categories": ["financing"], "stages": ["founding"], "city": "Jena"},
    "Volltext 'Förderung'": {"q": "Förderung"},
    "Volltext+Filter": {"q": "Beratung Nachfolge", "costs": ["free"]},
    "Seite 40 (Titel)": {"page": 40},
}


def populate(count: int) -> None:
    rng = random.Random(5)
    partners = [Partner.objects.create(name=f"Partner {n}") for n in range(40)]
    offers = []
    for n in range(count):
        statewide = rng.random() < 0.6
        offers.append(SupportOffer(
            provider=rng.choice(partners), live=True,
            title=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
            description=" ".join(rng.choice(WORDS) for _ in range(30)),
            categories=rng.sample(SupportCategory.values, 2), target_groups=rng.sample(SeekerKind.values, 2),
            stages=[] if rng.random() < 0.3 else rng.sample(Stage.values, 2), statewide=statewide,
            municipalities=[] if statewide else rng.sample(TOWNS, 2), cost=rng.choice(OfferCost.values),
        ))
    SupportOffer.objects.bulk_create(offers, batch_size=500)


def measure(params: dict, runs: int = 7) -> tuple[float, int, int]:
    latencies = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.monotonic()
            result = offers_search(page_size=20, **params)
            latencies.append((time.monotonic() - started) * 1000)
    return statistics.median(latencies), len(queries), result.count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offers", type=int, default=5000)
    args = parser.parse_args()
    print(f"{ENGINE.version()}; {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; load {loadavg()}")
    call_command("migrate", interactive=False, verbosity=0)
    populate(args.offers)
    started = time.monotonic()
    rebuild("offers", progress=False)
    print(f"{args.offers} offers; rebuild of the offers index: {time.monotonic() - started:.1f} s")
    print(f"{'request':28} {'engine ms':>10} {'SQL':>4} {'hits':>6} | {'database ms':>11} {'SQL':>4} {'hits':>6}")
    for name, params in REQUESTS.items():
        engine = measure(params)
        with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
            logging.getLogger("opensearch").disabled = True  # each refused connection would log a traceback
            database = measure(params)
            logging.getLogger("opensearch").disabled = False
        print(f"{name:28} {engine[0]:10.1f} {engine[1]:4d} {engine[2]:6d} | {database[0]:11.1f} {database[1]:4d} "
              f"{database[2]:6d}")
    print(f"load {loadavg()}")


if __name__ == "__main__":
    main()
