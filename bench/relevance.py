"""Relevance of the premises search: nDCG@10 and precision@5 on a judged German query set.

    bin/elasticsearch -- .venv/bin/python bench/relevance.py        # means per category and overall
    bin/elasticsearch -- .venv/bin/python bench/relevance.py -v     # and every query with its top 5

Why: the German analysis (decompounding, umlaut spellings, typos, synonyms, names) is judged by
what users get, not by what the code promises. The set (bench/judged/relevance/: premises.csv and
queries.json, see make_queries.py for the grades) describes what Thuringian users type; it is not
tuned to the engine.

How: a throwaway database (the test database, as bench/matching_quality.py), the listings imported
with ``import_premises``, the premises index rebuilt under a fresh SEARCH_INDEX_PREFIX, then every
query is built exactly as the site builds it (``search.query.search_body``) and scored by the
engine's Ranking Evaluation API: one ``_rank_eval`` request with ``dcg`` (k 10, normalised: nDCG@10,
unjudged listings count 0) and one with ``precision`` (k 5, relevant from grade 1, unlabeled hits
count as irrelevant). Each query also goes through ``search.query.search_kind`` for its hit count.

P@5 (the target) is relevant hits in the top 5 divided by min(5, number of relevant listings), so a
query with two relevant listings that returns both first scores 1.0. The engine's own precision
(relevant / hits returned in the top 5) is printed beside it as ``P@5 es``.

Zero-result rate: the share of queries with relevant listings that find nothing at all.
Targets: nDCG@10 ≥ 0.9, P@5 ≥ 0.9, zero-result rate 0 %. The exit code is 0 whatever the figures
(it is a benchmark); 1 only when nothing could be measured (no engine).
"""

import argparse
import io
import json
import logging
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "bench" / "judged" / "relevance"
TARGET_NDCG, TARGET_P5 = 0.9, 0.9


def fair_precision(hits, relevant_count, k=5):
    """Relevant hits among the top k over min(k, relevant listings); see the module docstring."""
    if relevant_count == 0:
        return 1.0 if not hits else 0.0
    found = sum(1 for hit in hits[:k] if (hit.get("rating") or 0) >= 1)
    return found / min(k, relevant_count)


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(JUDGED), help="folder with premises.csv and queries.json")
    parser.add_argument("-v", "--verbose", action="store_true", help="every query with its scores and top 5")
    args = parser.parse_args(argv)
    folder = Path(args.set)
    queries = json.loads((folder / "queries.json").read_text(encoding="utf-8"))

    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["SEARCH_INDEX_PREFIX"] = f"relevance{os.getpid()}_"  # nothing else's indices
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    from premises.models import Premises
    from search.client import get_client
    from search.documents import DOCUMENTS, PremisesDocument
    from search.errors import ENGINE_ERRORS
    from search.indexes import drop_version, live_version, refresh, versions
    from search.query import search_body, search_kind

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        try:
            call_command("import_premises", str(folder / "premises.csv"), verbosity=0, stdout=io.StringIO())
        except Exception as error:  # noqa: BLE001 - engine away or a bad file: report, nothing measured
            print(f"relevance: could not import ({type(error).__name__}: {error})", file=sys.stderr)
            return 1
        engine_log = logging.getLogger("opensearch")
        level, engine_log.level = engine_log.level, logging.CRITICAL
        try:
            call_command("search_index", rebuild=True, only=["premises"], verbosity=0, stdout=io.StringIO())
        except Exception as error:  # noqa: BLE001 - the import's own sync has filled the index already
            print(f"relevance: search_index --rebuild failed ({str(error)[:200]}); scoring the index that "
                  "import_premises synced", file=sys.stderr)
            refresh(PremisesDocument)
        finally:
            engine_log.level = level
        alias, index = PremisesDocument.alias(), live_version(PremisesDocument)
        if index is None or get_client().count(index=alias)["count"] != Premises.objects.public().count():
            print("relevance: the premises index does not hold every imported listing", file=sys.stderr)
            return 1
        pk_of = dict(Premises.objects.values_list("external_id", "pk"))
        external_of = {pk: key for key, pk in pk_of.items()}
        missing = {key for q in queries for key in q["ratings"]} - set(pk_of)
        if missing:
            print(f"relevance: judged listings not imported: {sorted(missing)}", file=sys.stderr)

        requests = []
        for q in queries:
            body = search_body("premises", q=q["query"], size=10, highlight=False, source=False)
            if body is None:  # no searchable word: scored 0, counted as zero results
                continue
            ratings = [{"_index": index, "_id": str(pk_of[key]), "rating": grade}
                       for key, grade in q["ratings"].items() if key in pk_of]
            requests.append({"id": q["id"], "request": body, "ratings": ratings})

        def rank_eval(metric):
            body = {"requests": requests, "metric": metric}
            answer = get_client().transport.perform_request("POST", f"/{alias}/_rank_eval", body=body)
            if answer.get("failures"):
                print(f"relevance: _rank_eval failures: {json.dumps(answer['failures'])[:2000]}", file=sys.stderr)
            return answer

        dcg = rank_eval({"dcg": {"k": 10, "normalize": True}})
        precision = rank_eval({"precision": {"k": 5, "relevant_rating_threshold": 1, "ignore_unlabeled": False}})

        rows = []
        for q in queries:
            relevant = sum(1 for grade in q["ratings"].values() if grade >= 1)
            count, hits, _ = search_kind("premises", q=q["query"], size=5, highlight=False, source=["title"])
            d = dcg["details"].get(q["id"])
            p = precision["details"].get(q["id"])
            rows.append({
                **q,
                "relevant": relevant,
                "count": count,
                "ndcg": d["metric_score"] if d else 0.0,
                "p5": fair_precision(p["hits"], relevant) if p else 0.0,
                "p5_es": p["metric_score"] if p else 0.0,
                "top": [(hit.source.get("title", ""), q["ratings"].get(external_of.get(hit.id, ""), 0)) for hit in hits],
            })
    finally:
        try:
            for doc_cls in DOCUMENTS.values():
                for name in versions(doc_cls):
                    drop_version(name)
        except ENGINE_ERRORS:
            pass
        connection.creation.destroy_test_db(old_name, verbosity=0)

    report(rows, verbose=args.verbose)
    return 0


def report(rows, *, verbose):
    width = max(len(r["query"]) for r in rows)
    if verbose:
        for r in rows:
            print(f"{r['id']} {r['category']:<9} {r['query']:<{width}}  nDCG@10 {r['ndcg']:.3f}  P@5 {r['p5']:.3f}"
                  f"  (P@5 es {r['p5_es']:.3f})  hits {r['count']:>3}  relevant {r['relevant']:>2}")
            for title, grade in r["top"]:
                print(f"      {grade}  {title}")
    by_category = defaultdict(list)
    for r in rows:
        by_category[r["category"]].append(r)
    print(f"\n{'category':<10} {'queries':>7} {'nDCG@10':>8} {'P@5':>6} {'P@5 es':>7} {'zero':>5}")
    for category, items in [*by_category.items(), ("overall", rows)]:
        zero = sum(1 for r in items if r["relevant"] and r["count"] == 0)
        print(f"{category:<10} {len(items):>7} {mean(r['ndcg'] for r in items):>8.3f} {mean(r['p5'] for r in items):>6.3f}"
              f" {mean(r['p5_es'] for r in items):>7.3f} {zero:>5}")
    with_relevant = [r for r in rows if r["relevant"]]
    zero = [r for r in with_relevant if r["count"] == 0]
    overall_ndcg, overall_p5 = mean(r["ndcg"] for r in rows), mean(r["p5"] for r in rows)
    rate = len(zero) / len(with_relevant) if with_relevant else 0.0
    print(f"\nnDCG@10 {overall_ndcg:.3f} (target ≥ {TARGET_NDCG}) {'✔' if overall_ndcg >= TARGET_NDCG else '✘'}   "
          f"P@5 {overall_p5:.3f} (target ≥ {TARGET_P5}) {'✔' if overall_p5 >= TARGET_P5 else '✘'}   "
          f"zero-result rate {rate:.1%} ({len(zero)} of {len(with_relevant)}) {'✔' if not zero else '✘'}")
    misses = [r for r in rows if r["ndcg"] < TARGET_NDCG or r["p5"] < TARGET_P5 or (r["relevant"] and not r["count"])]
    if misses:
        print(f"\nbelow target ({len(misses)} of {len(rows)} queries):")
        for r in misses:
            top = "; ".join(f"{title} [{grade}]" for title, grade in r["top"][:3]) or "—"
            print(f"  {r['id']} {r['category']:<9} {r['query']:<{width}}  nDCG {r['ndcg']:.2f}  P@5 {r['p5']:.2f}"
                  f"  hits {r['count']:>3}  top: {top}")


if __name__ == "__main__":
    sys.exit(main())
