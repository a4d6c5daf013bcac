"""The search engine's own CPU per indexed premises document, by mapping variant and bulk size.

    .venv/bin/python bench/engine_cost.py                       # 10k, every variant, requests of 1000
    .venv/bin/python bench/engine_cost.py --scale 100k --variants full
    .venv/bin/python bench/engine_cost.py --variants full --bulk 500,1000,2500,5000

Why: import and rebuild times at 100k are mostly the embedded engine's indexing work. This prints
how much of it each part of the premises document costs (the real mapping of
``PremisesDocument`` with fields or subfields left out), so a mapping change can be judged by
its engine CPU before it is made. Documents are built from the scale's premises.csv (same fields
as ``PremisesDocument.prepare``); a fresh embedded engine (osmem-server) per run; one index per
variant, deleted afterwards. Engine CPU is read from /proc (user + system), robust against other
load on the machine; wall time is printed too. Nothing touches the project's database or index.
"""

from __future__ import annotations

import argparse
import copy
import csv
import time

import throwaway  # noqa: F401 - Django set up on a throwaway database
from perf import cpu_seconds, ensure_data

from search.analysis import INDEX_SETTINGS
from search.documents import PremisesDocument

VARIANTS = {
    "full": "the mapping as indexed",
    "id_only": "only the id: the engine's fixed cost per document",
    "no_subfields": "German text fields without their .parts and .folded subfields",
    "no_parts": "without the compound-part subfields (.parts)",
    "no_folded": "without the typo-tolerant subfields (.folded)",
    "title_edge": "title parts as word beginnings (edge-ngrams) instead of ngrams 3-12",
    "no_geo": "without the location",
    "-description.parts": "a field or subfield left out (any: -FIELD[.SUB][+FIELD[.SUB]...])",
}


def documents(scale: str) -> list[dict]:
    rows = csv.DictReader((ensure_data(scale) / "premises.csv").open(encoding="utf-8"))
    docs = []
    for pk, row in enumerate(rows, 1):
        docs.append({
            "id": pk, "external_id": row["external_id"], "title": row["title"], "description": row["description"],
            "url": f"/flaechen/{pk}/", "city": row["city"], "street": row["street"], "postal_code": row["postal_code"],
            "location": {"lat": float(row["latitude"]), "lon": float(row["longitude"])} if row["latitude"] else None,
            "use_types": [v for v in row["use_types"].split(";") if v],
            "features": [v for v in row["features"].split(";") if v], "status": "published",
            "area_sqm": float(row["area_sqm"] or 0), "rent_month_eur": float(row["rent_month_eur"] or 0) or None,
            "available_from": row["available_from"] or None, "interim_use": row["interim_use"] == "true",
            "created_at": "2026-01-01T00:00:00+00:00",
        })
    return docs


def mapping_of(variant: str) -> dict:
    mapping = copy.deepcopy(PremisesDocument.mapping())
    fields = mapping["properties"]
    if variant == "id_only":
        mapping["properties"] = {"id": fields["id"]}
    elif variant == "no_geo":
        fields.pop("location")
    elif variant.startswith("-"):  # e.g. -description.parts: one subfield left out
        for name in variant[1:].split("+"):
            field, _, sub = name.partition(".")
            fields[field]["fields"].pop(sub) if sub else fields.pop(field)
    elif variant == "title_edge":
        fields["title"]["fields"]["parts"]["analyzer"] = "imz_edge"
    else:
        drop = {"no_subfields": ("parts", "folded"), "no_parts": ("parts",), "no_folded": ("folded",)}.get(variant, ())
        for field in fields.values():
            for sub in drop:
                field.get("fields", {}).pop(sub, None)
    return mapping


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="10k", choices=["1k", "10k", "100k"])
    parser.add_argument("--variants", default=",".join(v for v in VARIANTS if not v.startswith("-")))
    parser.add_argument("--bulk", default="1000", help="documents per bulk request (comma-separated: each is run)")
    args = parser.parse_args()
    from elasticsearch import Elasticsearch
    from osmem_server import OsmemServer

    from search.transport import PlainJsonNode

    docs = documents(args.scale)
    server = OsmemServer.start(japanese=False, addr="127.0.0.1:0")
    client = Elasticsearch(server.url, node_class=PlainJsonNode, request_timeout=300)
    print(f"{len(docs)} premises documents ({args.scale}); engine CPU and wall time for indexing them all")
    try:
        for bulk in [int(b) for b in args.bulk.split(",")]:
            for variant in args.variants.split(","):
                mapping = mapping_of(variant)
                keep = set(mapping["properties"])
                index = f"cost_{variant}_{bulk}"
                client.indices.create(index=index, settings=INDEX_SETTINGS, mappings=mapping)
                cpu, started = cpu_seconds(server.pid), time.perf_counter()
                for start in range(0, len(docs), bulk):
                    lines = []
                    for doc in docs[start:start + bulk]:
                        lines += [{"index": {"_index": index, "_id": doc["id"]}}, {k: v for k, v in doc.items() if k in keep}]
                    client.bulk(operations=lines)
                client.indices.refresh(index=index)
                used, wall = cpu_seconds(server.pid) - cpu, time.perf_counter() - started
                what = "left out" if variant.startswith("-") else VARIANTS.get(variant, "")
                print(f"{variant:13} bulk {bulk:>5}: engine CPU {used:6.1f} s ({used / len(docs) * 1000:.2f} ms/doc), "
                      f"wall {wall:6.1f} s  - {what}", flush=True)
                client.indices.delete(index=index)
    finally:
        server.close()


if __name__ == "__main__":
    main()
