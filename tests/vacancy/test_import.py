"""import_units: contract columns, idempotent, all or nothing, line/column/reason, --dry-run."""

import pytest
from django.core.management import CommandError, call_command

from partners.models import Partner
from vacancy.models import Unit, UnitUse

HEADER = ("external_id,city,street,house_number,floor,zone,use,business_name,vacant_since,soon_vacant_from,"
          "area_sqm,latitude,longitude\n")
ROWS = [
    "E-1,Erfurt,Marktstraße,1,eg,Altstadt,retail,Buchhandlung Krause,,2027-03-31,85,,\n",
    "E-2,Erfurt,Marktstraße,3,og,Altstadt,vacant,,2025-01-15,,120,50.978,11.03\n",
    "E-3,Erfurt,Anger,7,,Anger,gastronomy,Café Anger,,,60,,\n",
]


def write(tmp_path, text, name="units.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(path, *args):
    from io import StringIO

    out = StringIO()
    call_command("import_units", path, *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_creates_units_with_history_and_town(tmp_path):
    out = run(write(tmp_path, HEADER + "".join(ROWS)))
    assert "3 Einheiten wurden neu angelegt" in out
    town = Partner.objects.get(kind=Partner.Kind.MUNICIPALITY, name="Stadt Erfurt")
    unit = Unit.objects.get(external_id="E-2")
    assert (unit.municipality, unit.use, unit.floor, str(unit.vacant_since)) == (town, "vacant", "og", "2025-01-15")
    assert Unit.objects.get(external_id="E-3").floor == "eg"  # default
    assert str(Unit.objects.get(external_id="E-1").soon_vacant_from) == "2027-03-31"
    assert UnitUse.objects.count() == 3


@pytest.mark.django_db
def test_reimport_is_idempotent_and_a_change_of_use_extends_the_history(tmp_path):
    path = write(tmp_path, HEADER + "".join(ROWS))
    run(path)
    before = list(Unit.objects.order_by("pk").values())
    out = run(path)
    assert "0 Einheiten wurden neu angelegt, 0 geändert, 3 unverändert" in out
    assert list(Unit.objects.order_by("pk").values()) == before
    assert UnitUse.objects.count() == 3
    assert Partner.objects.filter(kind=Partner.Kind.MUNICIPALITY).count() == 1

    let = ROWS[1].replace("vacant,,2025-01-15", "service,Physiotherapie Lange,")
    out = run(write(tmp_path, HEADER + ROWS[0] + let + ROWS[2], "let.csv"))
    assert "1 geändert" in out
    unit = Unit.objects.get(external_id="E-2")
    assert (unit.use, unit.business_name, unit.vacant_since) == ("service", "Physiotherapie Lange", None)
    history = list(unit.uses.order_by("pk").values_list("use", "ended"))
    assert history[0][0] == "vacant" and history[0][1] is not None  # the vacancy ended: time to let
    assert history[1] == ("service", None)


@pytest.mark.django_db
def test_one_bad_row_writes_nothing_and_names_line_column_reason(tmp_path):
    run(write(tmp_path, HEADER + ROWS[0]))
    bad = ROWS[1].replace("vacant", "wohnen") + ROWS[2].replace("Erfurt", "Atlantis")
    changed_first = ROWS[0].replace("Buchhandlung Krause", "Neuer Name")
    err = __import__("io").StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_units", write(tmp_path, HEADER + changed_first + bad, "bad.csv"), stderr=err)
    assert "es wurde nichts gespeichert" in str(excinfo.value)
    messages = err.getvalue()
    assert "Zeile 3, Spalte „use“: Unbekannte Nutzung „wohnen“" in messages
    assert "Zeile 4, Spalte „city“: Die Kommune „Atlantis“ ist im Ortsverzeichnis nicht bekannt." in messages
    assert Unit.objects.count() == 1
    assert Unit.objects.get().business_name == "Buchhandlung Krause"


@pytest.mark.django_db
def test_rules_of_the_contract_are_checked(tmp_path):
    rows = [
        "X-1,Erfurt,Markt,1,dach,,retail,,,,,,\n",  # unknown floor
        "X-2,Erfurt,Markt,2,eg,,vacant,Bäckerei,,,,,\n",  # business on a vacant unit
        "X-3,Erfurt,Markt,3,eg,,retail,,2024-01-01,,,,\n",  # vacant_since on an occupied unit
        "X-4,Erfurt,,4,eg,,retail,,,,,,\n",  # street missing
        "X-4,Erfurt,Markt,5,eg,,retail,,,,,,\n",  # duplicate id
        "X-6,Erfurt,Markt,6,eg,,retail,,,,abc,,\n",  # area not a number
    ]
    err = __import__("io").StringIO()
    with pytest.raises(CommandError):
        call_command("import_units", write(tmp_path, HEADER + "".join(rows)), stderr=err)
    text = err.getvalue()
    for expected in ["Zeile 2, Spalte „floor“", "Zeile 3, Spalte „business_name“", "Zeile 4, Spalte „vacant_since“",
                     "Zeile 5, Spalte „street“: Pflichtangabe fehlt.", "Zeile 6, Spalte „external_id“",
                     "Zeile 7, Spalte „area_sqm“: „abc“ ist keine Zahl."]:
        assert expected in text
    assert not Unit.objects.exists()


@pytest.mark.django_db
def test_dry_run_and_bad_files(tmp_path):
    out = run(write(tmp_path, HEADER + "".join(ROWS)), "--dry-run")
    assert "Probelauf" in out and "3 Einheiten würden neu angelegt" in out
    assert not Unit.objects.exists() and not Partner.objects.exists()
    err = __import__("io").StringIO()
    with pytest.raises(CommandError, match="nichts gespeichert"):
        call_command("import_units", write(tmp_path, "external_id,city\nA,Erfurt\n", "h.csv"), stderr=err)
    assert "Zeile 1, Spalte „use“: Die Pflichtspalte fehlt in der Kopfzeile." in err.getvalue()
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + ROWS[0]).encode("latin-1"))
    with pytest.raises(CommandError, match="nicht UTF-8"):
        run(str(latin))
    with pytest.raises(CommandError, match="nicht gefunden"):
        run(str(tmp_path / "fehlt.csv"))


@pytest.mark.django_db
def test_a_towns_import_reveals_nothing_about_another_towns_unit_ids(client):
    """Issue 21.24: the unit import said "gehört einer anderen Kommune" for another town's id.
    Unit ids are a town's own: Erfurt may use "J-7" although Jena does, and Jena's unit stays."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.vacancy.factories import TownFactory, UnitFactory, town_user

    jena = TownFactory(name="Stadt Jena")
    erfurt = TownFactory(name="Stadt Erfurt")
    jenas = UnitFactory(external_id="J-7", municipality=jena, city="Jena", street="Holzmarkt", house_number="2")
    client.force_login(town_user(erfurt, "erfurt"))
    row = "J-7,Erfurt,Marktstraße,1,eg,Altstadt,retail,Buchhandlung Krause,,,85,,\n"
    response = client.post("/admin/leerstand/import/", {
        "file": SimpleUploadedFile("einheiten.csv", (HEADER + row).encode()),
    })
    page = response.content.decode()
    assert response.status_code == 200, page[:3000]
    assert "anderen Kommune" not in page and "Jena" not in page
    ours = Unit.objects.get(municipality=erfurt, external_id="J-7")
    assert ours.street == "Marktstraße"
    jenas.refresh_from_db()
    assert (jenas.municipality, jenas.street) == (jena, "Holzmarkt")


@pytest.mark.django_db
def test_units_of_a_new_town_never_go_to_an_organisation_that_merely_has_its_name(tmp_path):
    """An agency called "Stadt Suhl" is no town: Suhl's units get a municipality of their own."""
    agency = Partner.objects.create(name="Stadt Suhl", kind=Partner.Kind.AGENCY)
    run(write(tmp_path, HEADER + "S-1,Suhl,Steinweg,4,eg,Altstadt,vacant,,2025-01-15,,70,,\n"))
    unit = Unit.objects.get(external_id="S-1")
    assert unit.municipality != agency
    assert (unit.municipality.kind, unit.municipality.town) == (Partner.Kind.MUNICIPALITY, "Suhl")
