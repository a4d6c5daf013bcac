"""Matching quality: nDCG@5 of POST /api/v1/matches on judged profiles.

    .venv/bin/python bench/matching_quality.py                       # the shared sample set
    .venv/bin/python bench/matching_quality.py --judged bench/judged/profiles.json \
        --premises bench/judged/premises.csv --offers bench/judged/offers.csv
    .venv/bin/python bench/matching_quality.py --set stress -v      # bench/judged/stress/, with the lists

Runs in a throwaway database and the embedded search engine (or ELASTICSEARCH_URL): imports
the CSVs with the import commands, rebuilds the indices, sends every profile through the API
and prints nDCG@5 for premises and offers, per profile and the mean.
"""

import argparse
import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "samples"


def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at_k(ranked_ids, judgments, k=5):
    """nDCG@k; unjudged results count as 0. A profile without positive judgments scores 1
    when nothing is returned, else 0 for what was returned instead."""
    ideal = sorted((g for g in judgments.values() if g > 0), reverse=True)[:k]
    gains = [judgments.get(item, 0) for item in ranked_ids[:k]]
    if not ideal:
        return 1.0 if not any(gains) else 0.0
    return dcg(gains) / dcg(ideal)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judged", default=str(SHARED / "profiles.json"))
    parser.add_argument("--premises", default=str(SHARED / "premises.csv"))
    parser.add_argument("--offers", default=str(SHARED / "offers.csv"))
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each ranked list with scores and grades")
    parser.add_argument("--set", help="a judged set folder under bench/judged/ (profiles.json, premises.csv, offers.csv)")
    args = parser.parse_args(argv)
    if args.set:
        folder = ROOT / "bench" / "judged" / args.set
        args.judged, args.premises, args.offers = (str(folder / name) for name in ("profiles.json", "premises.csv", "offers.csv"))

    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        call_command("import_offers", args.offers, verbosity=0)
        call_command("import_premises", args.premises, verbosity=0)
        call_command("search_index", rebuild=True, verbosity=0)
        client = Client()
        profiles = json.loads(Path(args.judged).read_text(encoding="utf-8"))
        rows = []
        for profile in profiles:
            response = client.post("/api/v1/matches", data=profile["request"], content_type="application/json")
            if response.status_code != 200:
                print(f"{profile['id']}: HTTP {response.status_code} {response.content[:300]!r}")
                rows.append((profile["id"], 0.0, 0.0))
                continue
            answer = response.json()
            premises = [item["external_id"] for item in answer["premises"]]
            offers = [item["external_id"] for item in answer["offers"]]
            if args.verbose:
                print(f"\n{profile['id']}")
                for kind in ("premises", "offers"):
                    for item in answer[kind][: args.k]:
                        grade = profile.get(kind, {}).get(item["external_id"], "-")
                        print(f"  {kind:<8} {item['external_id']:<8} {item['score']:>3}  grade {grade}  {item['reasons']}")
            rows.append((
                profile["id"],
                ndcg_at_k(premises, profile.get("premises", {}), args.k),
                ndcg_at_k(offers, profile.get("offers", {}), args.k),
            ))
        width = max(len(r[0]) for r in rows)
        print(f"{'profile':<{width}}  nDCG@{args.k} premises  nDCG@{args.k} offers")
        for name, p, o in rows:
            print(f"{name:<{width}}  {p:>15.3f}  {o:>13.3f}")
        mean_p = sum(r[1] for r in rows) / len(rows)
        mean_o = sum(r[2] for r in rows) / len(rows)
        print(f"{'mean':<{width}}  {mean_p:>15.3f}  {mean_o:>13.3f}   ({len(rows)} profiles)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
