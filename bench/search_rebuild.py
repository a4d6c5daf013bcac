"""Search index rebuild at scale: time of `search_index --rebuild` and queries while it runs.

    .venv/bin/python bench/generate.py --listings 10000        # -> bench/data/10k/
    .venv/bin/python bench/search_rebuild.py bench/data/10k     # fresh SQLite DB in /tmp, embedded engine

Imports premises.csv into a throwaway database, rebuilds the premises index twice (the second
time while a thread keeps searching) and prints timings, query latencies and whether any query
failed or saw fewer hits than before the rebuild.
"""

import sys
import threading
import time
from pathlib import Path

from django.core.management import call_command  # noqa: E402
from throwaway import ROOT  # noqa: E402  (Django on a throwaway database)

from search.query import matching_ids, search_kind  # noqa: E402
from search.services import rebuild  # noqa: E402


def main(folder: str) -> None:
    call_command("migrate", interactive=False, verbosity=0)
    started = time.monotonic()
    call_command("import_premises", str(Path(folder) / "premises.csv"), verbosity=0)
    print(f"import (incl. live sync of every listing): {time.monotonic() - started:.1f} s")

    started = time.monotonic()
    _, count = rebuild("premises", progress=False)
    print(f"rebuild: {count} documents in {time.monotonic() - started:.1f} s")

    baseline = len(matching_ids("premises", "Büro") or [])
    latencies, failures, short = [], [], 0
    stop = threading.Event()

    def searcher():
        nonlocal short
        while not stop.is_set():
            t = time.monotonic()
            try:
                total, _, _ = search_kind("premises", q="Büro", size=10, aggs={"c": {"terms": {"field": "city"}}})
            except Exception as error:  # noqa: BLE001 - counted, not raised
                failures.append(repr(error))
                continue
            latencies.append(time.monotonic() - t)
            if total < baseline:
                short += 1

    thread = threading.Thread(target=searcher)
    thread.start()
    started = time.monotonic()
    rebuild("premises", progress=False)
    elapsed = time.monotonic() - started
    stop.set()
    thread.join()
    latencies.sort()
    median = latencies[len(latencies) // 2] * 1000 if latencies else float("nan")
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan")
    print(f"rebuild under query load: {elapsed:.1f} s; {len(latencies)} queries 'Büro'+facet, "
          f"median {median:.0f} ms, p95 {p95:.0f} ms; failed {len(failures)}; saw fewer hits {short} "
          f"(baseline {baseline} hits)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "bench" / "data" / "10k"))
