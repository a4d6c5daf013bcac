"""Deterministic benchmark data: Thuringian listings, offers and seeker profiles at any scale.

    .venv/bin/python bench/generate.py --listings 10000            # -> bench/data/10k/
    .venv/bin/python bench/generate.py --listings 100000 --seed 7

Writes premises.csv and offers.csv in the contract's import format and profiles.json in the
format of POST /api/v1/matches. Same seed, same files.
"""

import argparse
import csv
import json
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "matching" / "data" / "gazetteer.json"

USE_TYPES = ["retail", "office", "gastronomy", "craft", "studio", "coworking", "service", "culture"]
FEATURES = ["ground_floor", "shop_window", "fiber", "barrier_free", "kitchen", "outdoor_seating",
            "storage", "parking", "elevator", "furnished", "meeting_room"]
CATEGORIES = ["business_plan", "workshops", "financing", "microloan", "mentoring", "succession",
              "digitalization", "sustainability", "networking", "investor_contacts", "awards", "location",
              "skilled_workers", "innovation", "internationalization", "interim_use", "regional_data", "authorities"]
KINDS = ["founder", "successor", "digital_firm", "established"]
STAGES = ["idea", "founding", "growth", "succession", "established"]
STREETS = ["Markt", "Marktstraße", "Hauptstraße", "Bahnhofstraße", "Kirchplatz", "Lange Straße", "Anger",
           "Johannisstraße", "Schillerstraße", "Goethestraße", "Steinweg", "Holzmarkt", "Rathausgasse"]
NOUNS = {
    "retail": ["Ladenlokal", "Ladenfläche", "Geschäft", "Verkaufsfläche"],
    "office": ["Bürofläche", "Büroetage", "Büro", "Büroräume"],
    "gastronomy": ["Gaststätte", "Café", "Restaurant", "Bistro", "Imbiss"],
    "craft": ["Werkstatt", "Handwerksfläche", "Manufaktur"],
    "studio": ["Atelier", "Kreativraum", "Studio"],
    "coworking": ["Coworking-Fläche", "Gemeinschaftsbüro"],
    "service": ["Praxisräume", "Dienstleistungsfläche", "Kanzlei"],
    "culture": ["Veranstaltungsraum", "Kulturraum", "Galerie"],
}
SQUARES = {"Markt", "Anger", "Holzmarkt", "Kirchplatz"}
SIZE = {"retail": (30, 300), "office": (25, 500), "gastronomy": (40, 250), "craft": (40, 400),
        "studio": (20, 150), "coworking": (15, 300), "service": (50, 250), "culture": (60, 400)}


def towns():
    places = json.loads(GAZETTEER.read_text(encoding="utf-8"))["places"]
    return [(p[0], p[1], p[2], p[4]) for p in places if p[3] == "15" and p[4] >= 5000]


def weighted_town(rng, town_list, weights):
    return rng.choices(town_list, weights=weights, k=1)[0]


def premises_rows(rng, n, town_list, weights):
    today = date(2026, 12, 1)
    for i in range(1, n + 1):
        name, lat, lon, _ = weighted_town(rng, town_list, weights)
        uses = [rng.choice(USE_TYPES)]
        if rng.random() < 0.2:
            uses.append(rng.choice([u for u in USE_TYPES if u != uses[0]]))
        lo, hi = SIZE[uses[0]]
        area = round(rng.uniform(lo, hi))
        rent = "" if rng.random() < 0.1 else round(area * rng.uniform(5, 16))
        feats = sorted(set(rng.sample(FEATURES, rng.randint(0, 4))))
        if uses[0] == "gastronomy" and rng.random() < 0.7:
            feats = sorted(set(feats) | {"kitchen"})
        exact = rng.random() < 0.8
        noun = rng.choice(NOUNS[uses[0]])
        street = rng.choice(STREETS)
        yield {
            "external_id": f"B-{i:06d}",
            "title": f"{noun} {'am' if street in SQUARES else 'in der'} {street}",
            "description": f"{noun} in {name}, {area} m². Innenstadtlage, "
                           + rng.choice(["frisch renoviert.", "mit Nebenraum.", "gut erreichbar.", "ruhige Lage."]),
            "street": f"{street} {rng.randint(1, 60)}",
            "postal_code": f"{rng.randint(4000, 99999):05d}",
            "city": name,
            "latitude": f"{lat + rng.uniform(-0.01, 0.01):.5f}" if exact else "",
            "longitude": f"{lon + rng.uniform(-0.015, 0.015):.5f}" if exact else "",
            "use_types": ";".join(uses),
            "area_sqm": area,
            "rent_month_eur": rent,
            "available_from": (today + timedelta(days=rng.randint(0, 300))).isoformat() if rng.random() < 0.6 else "",
            "features": ";".join(feats),
            "interim_use": "true" if rng.random() < 0.15 else "false",
            "contact_email": f"vermietung{i % 97}@example.org",
        }


def offer_rows(rng, n, town_list):
    providers = ["ThEx", "LEG Thüringen", "IHK Erfurt", "IHK Südthüringen", "HWK Erfurt", "Thüringer Aufbaubank",
                 "Stadtverwaltung Jena", "Stadtverwaltung Gera", "blank – Agentur für Zwischennutzung"]
    for i in range(1, n + 1):
        cats = sorted(set(rng.sample(CATEGORIES, rng.randint(1, 3))))
        statewide = rng.random() < 0.6
        region = "thueringen" if statewide else ";".join(t[0] for t in rng.sample(town_list[:40], rng.randint(1, 3)))
        yield {
            "external_id": f"BO-{i:04d}",
            "provider": rng.choice(providers),
            "title": f"Angebot {i}: {cats[0].replace('_', ' ').title()}",
            "description": "Unterstützung für Unternehmen in Thüringer Innenstädten.",
            "categories": ";".join(cats),
            "target_groups": ";".join(sorted(set(rng.sample(KINDS, rng.randint(1, 3))))),
            "stages": "" if rng.random() < 0.3 else ";".join(sorted(set(rng.sample(STAGES, rng.randint(1, 3))))),
            "region": region,
            "cost": rng.choice(["free", "subsidized", "paid"]),
            "url": "",
            "contact_email": "",
        }


def profiles(rng, n, town_list):
    for _ in range(n):
        name = rng.choice(town_list[:40])[0]
        use = rng.choice(USE_TYPES)
        lo, hi = SIZE[use]
        area_min = round(rng.uniform(lo, (lo + hi) / 2))
        yield {
            "kind": rng.choice(KINDS), "use_types": [use], "location": {"city": name},
            "radius_km": rng.choice([10, 20, 30, 50]), "area_min": area_min,
            "area_max": area_min + rng.randint(30, 150), "rent_max": rng.randint(4, 15) * 100,
            "features": rng.sample(FEATURES, rng.randint(0, 2)),
            "needs": rng.sample(CATEGORIES, rng.randint(1, 3)), "stage": rng.choice(STAGES),
            "text": rng.choice(["", "Café", "Laden mit Schaufenster", "Büro mit Glasfaser", "Werkstatt"]),
            "limit": 10,
        }


def write_csv(path, rows):
    rows = iter(rows)
    first = next(rows)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(first)
        writer.writerows(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Deterministic benchmark data")
    parser.add_argument("--listings", type=int, default=10000)
    parser.add_argument("--offers", type=int, default=300)
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    label = f"{args.listings // 1000}k" if args.listings >= 1000 else str(args.listings)
    out = Path(args.out or ROOT / "bench" / "data" / label)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    town_list = towns()
    weights = [t[3] for t in town_list]
    write_csv(out / "premises.csv", premises_rows(rng, args.listings, town_list, weights))
    write_csv(out / "offers.csv", offer_rows(rng, args.offers, town_list))
    (out / "profiles.json").write_text(
        json.dumps(list(profiles(rng, args.profiles, town_list)), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"{args.listings} Flächen, {args.offers} Angebote, {args.profiles} Profile -> {out}")


if __name__ == "__main__":
    main()
