"""Search index rebuild at scale: time of the premises rebuild and searches while it runs.

    .venv/bin/python bench/generate.py --listings 10000        # -> bench/data/10k/
    .venv/bin/python bench/search_rebuild.py bench/data/10k     # fresh SQLite DB in /tmp, fresh engine node

Starts a fresh OpenSearch node (``search.engine.launch.start``, heap 2 GB; or uses
ELASTICSEARCH_URL with a fresh index prefix), imports premises.csv into a throwaway database,
rebuilds the premises index twice (the second time while a thread keeps searching) and prints
timings, the engine's CPU seconds, search latencies during the rebuild and how many searches
failed (an exception: the engine refused or did not answer) or saw fewer hits than before the
rebuild (short: the alias pointed at a version that was not complete).
"""

import atexit
import os
import sys
import threading
import time
from pathlib import Path

from perf import Engine, loadavg

ENGINE = Engine()  # before Django: the settings read ELASTICSEARCH_URL
atexit.register(ENGINE.stop)
os.environ["ELASTICSEARCH_URL"] = ENGINE.url
os.environ["IMZ_ENGINE_CONFIG_DIRS"] = ENGINE.config_dirs

from django.core.management import call_command  # noqa: E402
from throwaway import ROOT  # noqa: E402  (Django on a throwaway database)

from search.query import search_kind  # noqa: E402
from search.services import rebuild  # noqa: E402

# text alone, text + facet, a compound, a town: what visitors search while an editor rebuilds
SEARCHES = [
    {"q": "Büro", "aggs": {"c": {"terms": {"field": "city"}}}},
    {"q": "Ladenlokal Erfurt"},
    {"q": "Werkstatt", "filters": [{"term": {"use_types": "craft"}}]},
    {"q": "Café Jena"},
    {"q": "Atelier barrierefrei"},
]


def total(search: dict) -> int:
    count, _, _ = search_kind("premises", size=10, highlight=False, **search)
    return count


def main(folder: str) -> None:
    print(f"{ENGINE.version()}; {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; load {loadavg()}")
    call_command("migrate", interactive=False, verbosity=0)
    started, cpu = time.monotonic(), ENGINE.cpu()
    call_command("import_premises", str(Path(folder) / "premises.csv"), verbosity=0)
    print(f"import (incl. live sync of every listing): {time.monotonic() - started:.1f} s, engine CPU {cpu_used(cpu)}")

    started, cpu = time.monotonic(), ENGINE.cpu()
    _, count = rebuild("premises", progress=False)
    print(f"rebuild: {count} documents in {time.monotonic() - started:.1f} s, engine CPU {cpu_used(cpu)}; "
          f"load {loadavg()}")

    baseline = [total(search) for search in SEARCHES]
    latencies, failures, short = [], [], []
    stop = threading.Event()

    def searcher():
        n = 0
        while not stop.is_set():
            search, expected = SEARCHES[n % len(SEARCHES)], baseline[n % len(SEARCHES)]
            n += 1
            t = time.monotonic()
            try:
                hits = total(search)
            except Exception as error:  # noqa: BLE001 - counted, not raised
                failures.append(repr(error))
                continue
            latencies.append(time.monotonic() - t)
            if hits < expected:
                short.append(f"{search['q']}: {hits} < {expected}")

    thread = threading.Thread(target=searcher)
    thread.start()
    started, cpu = time.monotonic(), ENGINE.cpu()
    rebuild("premises", progress=False)
    elapsed = time.monotonic() - started
    stop.set()
    thread.join()
    latencies.sort()
    median = latencies[len(latencies) // 2] * 1000 if latencies else float("nan")
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan")
    top = latencies[-1] * 1000 if latencies else float("nan")
    print(f"rebuild under search load: {elapsed:.1f} s, engine CPU {cpu_used(cpu)}; "
          f"{len(latencies) + len(failures)} searches ({len(SEARCHES)} kinds), median {median:.0f} ms, "
          f"p95 {p95:.0f} ms, max {top:.0f} ms; failed {len(failures)}; short {len(short)} "
          f"(baseline {baseline} hits); load {loadavg()}")
    for example in (failures + short)[:5]:
        print("  ", example)


def cpu_used(before) -> str:
    after = ENGINE.cpu()
    return f"{after - before:.1f} s" if before is not None and after is not None else "n/a (engine not ours)"


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "bench" / "data" / "10k"))
