"""Writes queries.json: German queries as Thuringian users type them, each with graded judgments
over the listings of premises.csv (external_id → grade; a listing not named is 0).

    .venv/bin/python bench/judged/relevance/make_queries.py

Grades, judged by reading each listing (title, description, use types, features, street, town):
  3  exactly what the query asks for (a Friseursalon for "Friseur", an office for "Büro");
  2  clearly relevant: offered for it among other uses, or a close variant (a Bistro for "Restaurant");
  1  could serve, a user might still open it (a café for "Eiscafé", a Kosmetikstudio for "Friseur");
  0  unrelated, among them the traps (barrierefrei for "Bar", Eisenach for "Eis", Konrad for "Rad").
Queries that mean the same thing (Büro, Bürofläche, Buero, a typo of it) share one judged intent:
what the user wants does not change with the spelling. Generic words ("Gewerbefläche", "Lager")
are judged on the listings that offer themselves as such, not on every commercial unit.
"""

import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def grades(**by_grade):
    """grades(g3="A B", g2="C") → {"A": 3, "B": 3, "C": 2}"""
    out = {}
    for key, ids in by_grade.items():
        for external_id in ids.split():
            assert external_id not in out, f"{external_id} graded twice"
            out[external_id] = int(key[1:])
    return out


def merged(*parts):
    """Several judged parts, the higher grade winning."""
    out = {}
    for part in parts:
        for key, grade in part.items():
            out[key] = max(grade, out.get(key, 0))
    return out


# --- intents: who wants what, judged listing by listing -------------------------------------------------

OFFICE = grades(
    # offices as such, whatever the title calls them (Büro, Büroräume, Bürofläche, Büroetage, Kanzleiräume)
    g3="EF-03 EF-11 EF-12 EF-24 J-05 J-13 J-16 WE-04 WE-12 WE-15 G-05 G-13 GTH-05 EA-04 EA-07 EA-12 NDH-03 "
       "SHL-03 ABG-03 MHL-03 ARN-02 IL-03 IL-04 SLF-03 SON-03 AP-03 RU-03 MGN-03 MGN-08 GRZ-04 SOEM-02 SM-04",
    # offered for an office among other uses; a coworking space with team offices
    g2="EF-04 EF-17 J-02 J-08 J-11 G-03 SHL-02 AP-02",
    # could serve: coworking desks, a workshop with an office room
    g1="IL-07 WE-11 EF-14",
)
RETAIL = grades(
    # shops as such (Laden, Ladenlokal, Ladengeschäft, Verkaufsfläche, an empty former shop)
    g3="EF-01 EF-05 EF-08 EF-21 J-04 J-07 J-15 WE-01 WE-08 WE-16 G-01 GTH-01 GTH-12 EA-01 EA-11 NDH-01 SHL-01 "
       "ABG-01 ABG-08 MHL-01 MHL-06 ARN-01 IL-01 SLF-01 SON-01 SON-02 AP-01 RU-01 RU-02 MGN-01 GRZ-01 SOEM-01 "
       "SM-01 SM-02",
    # a shop, but small (kiosk), for interim use only, a running bike shop, or offered for retail among others
    g2="EF-18 GTH-04 SLF-08 J-20 G-12 EF-22 J-09 IL-06 WE-10 GRZ-03 IL-05 AP-02 EF-04 J-02 G-03 NDH-04 SHL-02 "
       "GTH-10 MGN-05",
    # a studio that may also sell, a bakery café with a counter
    g1="GTH-09 EA-06 ABG-06 RU-06",
    # 0: EF-11 (historische Fensterläden), EF-12 (E-Ladestationen), EF-13 and NDH-05 (Laderampe)
)
KIOSK = grades(g3="EF-18 GTH-04 SLF-08", g1="EF-05 EF-08 GTH-12 EA-11 ABG-08 MHL-06 J-17 ARN-08")
GASTRO = grades(
    # restaurants, cafés, bars, pubs, ice-cream parlours, "Gastronomiefläche"
    g3="EF-02 EF-06 EF-07 EF-10 EF-20 EF-23 J-01 J-03 J-06 J-12 WE-02 WE-03 WE-05 WE-07 G-04 G-06 G-08 G-14 "
       "GTH-02 GTH-06 GTH-11 EA-02 EA-03 NDH-02 NDH-07 SHL-05 ABG-02 MHL-02 MHL-07 ARN-03 IL-02 IL-08 SLF-02 "
       "SLF-06 SON-05 AP-05 RU-04 MGN-02 GRZ-02 SOEM-05 SM-03",
    # small snack bars, a cellar venue with a bar counter, a bakery café
    g2="J-17 EA-08 ARN-08 SOEM-03 EF-19 ABG-06",
    # a wine shop with a tasting room, a hall with a kitchen
    g1="MGN-05 MHL-09",
)
RESTAURANT = grades(
    g3="EF-06 J-12 G-08 GTH-02 EA-03 MHL-02 RU-04 GRZ-02 ARN-03 SM-03 SHL-05",
    # gastronomy space with kitchen and dining room, a bistro with kitchen
    g2="WE-07 EF-20 SLF-06 J-03",
    # other gastronomy with a kitchen: cafés, snack bars, a pub with kitchen, an ice-cream café with dishes
    g1="EF-23 WE-05 G-04 NDH-07 IL-02 SON-05 AP-05 SOEM-05 GTH-06 MGN-02 G-06 EA-08 J-17 ARN-08 SOEM-03 G-14 "
       "EF-02 WE-03 GTH-11 EA-02 MHL-07 SLF-02 J-06",
)
GASTSTAETTE = merged(RESTAURANT, grades(g2="EF-10 NDH-02 ABG-02"))  # a Gaststätte is also the pub on the corner
PUB = grades(g3="EF-10 G-06 NDH-02 ABG-02", g2="J-01 EF-07 WE-02 IL-08", g1="MGN-02 GTH-06 EF-19")
BAR = grades(
    g3="EF-07 J-01 WE-02 IL-08 MGN-02 GTH-06",
    g2="EF-10 G-06 NDH-02 ABG-02 EF-19",  # pubs, a cellar venue with a bar counter
    g1="J-03",  # a bistro with a tap contract
    # 0: every "barrierefrei" listing, RU-02 (Barockhaus), WE-08 (barocken), NDH-03 (Barfüßerstraße), G-02 (Barbershop)
)
ICE_CREAM = grades(
    g3="EF-02 J-06 WE-03 G-14 GTH-11 EA-02 MHL-07 SLF-02",  # Eiscafé, Eisdiele, Gelateria (Speiseeis)
    g1="EF-23 WE-05 G-04 NDH-07 IL-02 SON-05 AP-05 SOEM-05 GTH-06 ABG-06",  # cafés
    # 0: Eisenach's other listings, SM-02 (Eisenwarenhandlung), SHL-02 (Reisebüro), EA-10 (Eisenbahnbrücke)
)
BIKE = grades(
    g3="EF-22 J-09 WE-10 IL-06",
    g1="GTH-07",  # a workshop "geeignet für … Fahrradwerkstatt"
    # 0: Konrad-Zuse-Straße (EF-12/13/14), GRZ-03 (Radio), J-10 (Paradiespark), EF-24 and J-16 (bike parking)
)
HAIR = grades(
    g3="EF-09 J-18 WE-14 GTH-08 EA-09 NDH-09 MHL-04 ARN-04 AP-06 MGN-06 GRZ-05 G-02",  # incl. the Barbershop
    g1="J-14 SHL-08 GRZ-06",  # beauty studios
)
PRACTICE = grades(
    g3="EF-15 J-08 WE-09 G-09 GTH-03 EA-05 NDH-08 SHL-06 ABG-07 MHL-08 ARN-07 IL-09 SLF-07 SON-06 RU-07 MGN-04 "
       "SOEM-06 SM-07",
    # beauty studios with treatment rooms; commercial units offered for services
    g1="J-14 SHL-08 GRZ-06 AP-02 EF-04 G-03 NDH-04 SHL-02 IL-05",
)
DOCTOR = merged(
    grades(g3="GTH-03 MGN-04 ABG-07 J-08 G-09"),  # (Zahn)arztpraxis, "für Arzt", "für Ärzte"
    {key: 2 for key, grade in PRACTICE.items() if grade == 3},  # any other practice rooms
)
PHYSIO = merged(
    grades(g3="EF-15 G-09 EA-05", g2="WE-09"),  # physiotherapy named; ergotherapy before
    {key: 2 for key, grade in PRACTICE.items() if grade == 3},
)
WORKSHOP = grades(
    g3="EF-14 J-19 G-07 GTH-07 NDH-10 SHL-04 MHL-05 ARN-05 SLF-04 SON-04 AP-04 RU-05 SOEM-04 SM-05",
    # shops and studios with a workshop, a unit offered for crafts
    g2="EF-22 J-09 WE-10 IL-06 WE-16 EF-08 GRZ-03 ABG-04 GTH-10",
    # studios with a shared workshop or work room, a lab, warehouses
    g1="WE-06 SM-06 IL-04 EF-13 G-10 NDH-05 ABG-09 AP-07 EA-10 SHL-07",
)
WAREHOUSE = grades(
    g3="EF-13 G-10 NDH-05 ABG-09 AP-07",
    g2="J-19 MHL-05 SON-04 EA-10",  # a workshop with a warehouse, 200 m² of storage space
    g1="SHL-07",  # a 60 m² storage room
)
STORAGE = grades(
    g3="EF-13 G-10 NDH-05 ABG-09 AP-07 EA-10 SHL-07",
    g2="J-19 MHL-05 SON-04 GTH-10",
    # 0: shops that merely have a storage room next to the sales floor
)
COMMERCIAL = grades(g3="EF-04 J-02 G-03 NDH-04 GTH-10", g2="SHL-02 AP-02")
STUDIO = grades(
    g3="EF-16 J-10 WE-06 G-11 GTH-09 EA-06 NDH-06 SHL-09 ABG-04 ARN-06 SLF-05 RU-06 MGN-07 SM-06",
    g2="AP-04",
)
COWORKING = grades(g3="EF-17 J-11 WE-11 IL-07", g2="MGN-08")
EVENTS = grades(g3="EF-19 WE-13 MHL-09 ABG-05", g1="IL-08 J-02 WE-05 J-20 G-12")
LAW_FIRM = merged(
    {key: 1 for key, grade in OFFICE.items() if grade == 3},
    grades(g3="WE-15", g2="J-08 EF-11"),
)
SNACK = grades(g3="J-17 EA-08 ARN-08 SOEM-03", g1="GTH-04 J-03")
POP_UP = grades(g3="J-20 G-12", g1="ABG-05")
FURNISHED_OFFICE = grades(g3="J-13 EF-17 MGN-08", g2="J-11 IL-07 WE-11")
KITCHEN = grades(
    # a commercial kitchen (feature "Gastroküche"), incl. a hall with a kitchen
    g3="EF-02 EF-06 EF-23 J-03 J-06 J-12 J-17 WE-03 WE-05 WE-07 G-04 G-06 G-08 G-14 GTH-02 GTH-06 GTH-11 EA-02 "
       "EA-03 EA-08 NDH-07 SHL-05 ABG-06 MHL-02 MHL-07 MHL-09 ARN-03 ARN-08 IL-02 SLF-02 SLF-06 SON-05 AP-05 "
       "RU-04 MGN-02 GRZ-02 SOEM-03 SOEM-05 SM-03",
    g2="EF-20",  # "Küche im Rohbau"
    # tea kitchens of offices, shared kitchens of coworking spaces and studios
    g1="EF-03 EF-11 J-05 WE-12 GTH-05 EA-04 NDH-03 ABG-03 AP-03 GRZ-04 EF-17 WE-11 MGN-08 G-11",
)


def with_feature(code, grade=3):
    return {row["external_id"]: grade for row in LISTINGS if code in row["features"].split(";")}


def in_town(town, intent, keep=1):
    """The intent's listings in ``town`` (a user who names a town wants that town)."""
    ids = {row["external_id"] for row in LISTINGS if row["city"] == town}
    return {key: grade for key, grade in intent.items() if key in ids and grade >= keep}


def on_street(*streets):
    return {row["external_id"]: 3 for row in LISTINGS
            if row["street"].rsplit(" ", 1)[0] in streets}


LISTINGS = list(csv.DictReader((HERE / "premises.csv").open(encoding="utf-8")))

QUERIES = [
    # compounds and their parts, both ways
    ("compound", "Bürofläche", OFFICE),
    ("compound", "Büro", OFFICE),
    ("compound", "Gewerbefläche", COMMERCIAL),
    ("compound", "Fläche Gewerbe", COMMERCIAL),
    ("compound", "Lagerhalle", WAREHOUSE),
    ("compound", "Lager", STORAGE),
    ("compound", "Praxisräume", PRACTICE),
    ("compound", "Räume für Praxis", PRACTICE),
    ("compound", "Gastronomiefläche", GASTRO),
    ("compound", "Ladenlokal", RETAIL),
    ("compound", "Laden", RETAIL),
    ("compound", "Verkaufsfläche", RETAIL),
    ("compound", "Friseursalon", HAIR),
    ("compound", "Eiscafé", ICE_CREAM),
    ("compound", "Fahrradladen", BIKE),
    ("compound", "Arzt", DOCTOR),
    ("compound", "Veranstaltungsraum", EVENTS),
    ("compound", "Küche", KITCHEN),
    # umlaut spellings
    ("umlaut", "Buero", OFFICE),
    ("umlaut", "Bueroflaeche", OFFICE),
    ("umlaut", "Gaststaette", GASTSTAETTE),
    ("umlaut", "Kueche", KITCHEN),
    ("umlaut", "moebliertes Buero", FURNISHED_OFFICE),
    ("umlaut", "Johannisstrasse", merged(on_street("Johannisstraße"), grades(g1="EF-22"))),
    ("umlaut", "Schlossstrasse Gera", on_street("Schloßstraße")),
    ("umlaut", "Weissenseer Strasse", on_street("Weißenseer Straße")),
    ("umlaut", "Koeppelsdorfer Strasse", on_street("Köppelsdorfer Straße")),
    ("umlaut", "Laden Muehlhausen", in_town("Mühlhausen", RETAIL)),
    ("umlaut", "Buero Soemmerda", in_town("Sömmerda", OFFICE)),
    # typos
    ("typo", "Werkstat", WORKSHOP),
    ("typo", "Glasfasr", with_feature("fiber")),
    ("typo", "Lagerhale", WAREHOUSE),
    ("typo", "Bürofäche", OFFICE),
    ("typo", "Restaurnt", RESTAURANT),
    ("typo", "Fahradladen", BIKE),
    ("typo", "Barierefrei", with_feature("barrier_free")),
    ("typo", "Friseusalon", HAIR),
    ("typo", "Wagnergase", on_street("Wagnergasse")),
    ("typo", "Eiskaffee", ICE_CREAM),
    ("typo", "Schaufenser", with_feature("shop_window")),
    # synonyms
    ("synonym", "Kiosk", KIOSK),
    ("synonym", "Friseur", HAIR),
    ("synonym", "Frisör", HAIR),
    ("synonym", "Restaurant", RESTAURANT),
    ("synonym", "Kneipe", PUB),
    ("synonym", "Imbiss", SNACK),
    ("synonym", "Kanzlei", LAW_FIRM),
    ("synonym", "Gemeinschaftsbüro", COWORKING),
    ("synonym", "Pop-up Store", POP_UP),
    ("synonym", "rollstuhlgerecht", with_feature("barrier_free")),
    ("synonym", "schnelles Internet", with_feature("fiber")),
    ("synonym", "Physiotherapie", PHYSIO),
    ("synonym", "Gewerberaum", COMMERCIAL),
    # town + type
    ("town_type", "Laden Erfurt", in_town("Erfurt", RETAIL)),
    ("town_type", "Büro Jena", in_town("Jena", OFFICE)),
    ("town_type", "Café Weimar", grades(g3="WE-05", g2="WE-03", g1="WE-07")),
    ("town_type", "Werkstatt Gera", in_town("Gera", WORKSHOP)),
    ("town_type", "Praxis Gotha", in_town("Gotha", PRACTICE)),
    ("town_type", "Restaurant Eisenach", in_town("Eisenach", RESTAURANT)),
    ("town_type", "Lager Nordhausen", in_town("Nordhausen", STORAGE)),
    ("town_type", "Atelier Suhl", in_town("Suhl", STUDIO)),
    ("town_type", "Büro Mühlhausen", in_town("Mühlhausen", OFFICE)),
    ("town_type", "Gastronomie Arnstadt", in_town("Arnstadt", GASTRO)),
    ("town_type", "Büro Ilmenau", in_town("Ilmenau", OFFICE)),
    ("town_type", "Laden Saalfeld", in_town("Saalfeld", RETAIL)),
    ("town_type", "Friseur Meiningen", in_town("Meiningen", HAIR)),
    ("town_type", "Laden Greiz", in_town("Greiz", RETAIL)),
    ("town_type", "Praxis Schmalkalden", in_town("Schmalkalden", PRACTICE)),
    ("town_type", "Werkstatt Sonneberg", in_town("Sonneberg", WORKSHOP)),
    ("town_type", "Café Apolda", grades(g3="AP-05")),
    ("town_type", "Restaurant Rudolstadt", in_town("Rudolstadt", RESTAURANT)),
    ("town_type", "Kneipe Altenburg", in_town("Altenburg", PUB)),
    ("town_type", "Eiscafé Eisenach", in_town("Eisenach", ICE_CREAM)),
    # street names
    ("street", "Wagnergasse", on_street("Wagnergasse")),
    ("street", "Johannisstraße", merged(on_street("Johannisstraße"), grades(g1="EF-22"))),  # EF-22: Erfurt's Johannesstraße
    ("street", "Anger", merged(on_street("Anger"), grades(g2="EF-04"))),  # EF-04: by the Angermuseum; 0: EF-21 ("langer")
    ("street", "Karlstraße", on_street("Karlstraße")),
    ("street", "Konrad-Zuse-Straße", on_street("Konrad-Zuse-Straße")),
    ("street", "Marktstraße", on_street("Marktstraße")),
    ("street", "Sorge Gera", on_street("Sorge")),
    ("street", "Steinweg", on_street("Steinweg")),
    ("street", "Krämerbrücke", on_street("Krämerbrücke")),
    ("street", "Schillerstraße Weimar", in_town("Weimar", on_street("Schillerstraße"))),
    ("street", "Holzmarkt", on_street("Holzmarkt")),
    # a short word inside an unrelated one
    ("trap", "Bar", BAR),
    ("trap", "Bar Jena", in_town("Jena", BAR)),
    ("trap", "Eis", ICE_CREAM),
    ("trap", "Rad", BIKE),
    ("trap", "Radladen", BIKE),
    ("trap", "Eisenach", {row["external_id"]: 3 for row in LISTINGS if row["city"] == "Eisenach"}),
    ("trap", "Konrad", on_street("Konrad-Zuse-Straße")),
]


def main():
    known = {row["external_id"] for row in LISTINGS}
    out = []
    seen = set()
    for category, query, judged in QUERIES:
        assert query not in seen, f"duplicate query {query!r}"
        seen.add(query)
        unknown = set(judged) - known
        assert not unknown, f"{query!r}: unknown listings {sorted(unknown)}"
        assert any(judged.values()), f"{query!r}: no relevant listing"
        ratings = dict(sorted(judged.items(), key=lambda item: (-item[1], item[0])))
        out.append({"id": f"q{len(out) + 1:02d}", "category": category, "query": query, "ratings": ratings})
    (HERE / "queries.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(out)} queries → {HERE / 'queries.json'}")


if __name__ == "__main__":
    main()
