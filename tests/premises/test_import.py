"""import_premises FILE [--dry-run]: the contract's import, through the management command."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from common.geo import haversine_km
from premises.models import Premises
from premises.services import premises_import

from .factories import PartnerFactory, PremisesFactory

SAMPLE = Path(__file__).resolve().parents[2] / "premises" / "data" / "sample_premises.csv"
HEADER = (
    "external_id,title,description,street,postal_code,city,latitude,longitude,use_types,area_sqm,"
    "rent_month_eur,available_from,features,interim_use,contact_email\n"
)
ARNSTADT_MARKET = (50.8342, 10.9466)  # Marktplatz Arnstadt, independent of the gazetteer


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_premises", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(tmp_path, body, name="flaechen.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


@pytest.mark.django_db
def test_sample_imports_ten_listings_and_twice_still_ten():
    out, _ = run(SAMPLE)
    assert Premises.objects.count() == 10
    assert "10 Flächen wurden neu angelegt" in out
    first_ids = set(Premises.objects.values_list("pk", flat=True))

    out, _ = run(SAMPLE)
    assert Premises.objects.count() == 10
    assert set(Premises.objects.values_list("pk", flat=True)) == first_ids
    assert "10 aktualisiert" in out


@pytest.mark.django_db
def test_sample_values_arrive_as_given():
    run(SAMPLE)
    cafe = Premises.objects.get(external_id="S-P09")
    assert cafe.city == "Sömmerda"
    assert cafe.use_types == ["gastronomy"]
    assert cafe.features == ["kitchen", "outdoor_seating", "ground_floor"]
    assert float(cafe.area_sqm) == 70 and float(cafe.rent_month_eur) == 650
    assert str(cafe.available_from) == "2027-01-01"
    assert cafe.is_public and cafe.confirmed_at is not None
    assert Premises.objects.get(external_id="S-P08").interim_use is True
    assert Premises.objects.get(external_id="S-P01").contact_email == "vermietung@example.org"


@pytest.mark.django_db
def test_listing_without_coordinates_sits_within_3_km_of_its_town_centre():
    run(SAMPLE)
    atelier = Premises.objects.get(external_id="S-P04")
    assert atelier.location_from_gazetteer is True
    assert (atelier.latitude, atelier.longitude) != (0, 0)
    assert haversine_km(atelier.latitude, atelier.longitude, *ARNSTADT_MARKET) < 3


@pytest.mark.django_db
def test_file_with_bad_rows_writes_nothing_and_names_each_bad_row(tmp_path):
    path = write(tmp_path, (
        "OK-1,Gute Zeile,,,,Erfurt,,,retail,50,400,,,false,\n"
        "BAD-1,Negative Fläche,,,,Erfurt,,,retail,-20,400,,,false,\n"
        "BAD-2,Falsche Nutzung,,,,Jena,,,retail;shop,60,400,,,false,\n"
        "BAD-3,Unbekannter Ort,,,,Atlantis an der Ilm,,,office,60,400,,,false,\n"
        "BAD-4,Falsches Datum,,,,Weimar,,,office,60,400,2027-02-30,,false,\n"
        "OK-2,Noch eine gute Zeile,,,,Gera,,,office,60,,,,,\n"
    ))
    with pytest.raises(CommandError) as excinfo:
        call_command("import_premises", str(path), stdout=StringIO(), stderr=(err := StringIO()))
    assert Premises.objects.count() == 0
    assert "nichts gespeichert" in str(excinfo.value)
    report = err.getvalue()
    assert "Zeile 3, Spalte „area_sqm“: Die Fläche muss größer als 0 sein" in report
    assert "Zeile 4, Spalte „use_types“: Unbekannte Nutzungsart „shop“" in report
    assert "Zeile 5, Spalte „city“: Die Kommune „Atlantis an der Ilm“ ist im Ortsverzeichnis nicht bekannt." in report
    assert "Zeile 6, Spalte „available_from“: „2027-02-30“ ist kein gültiges Datum" in report
    assert "Zeile 2" not in report and "Zeile 7" not in report


@pytest.mark.django_db
def test_bad_rows_do_not_touch_listings_already_stored(tmp_path):
    PremisesFactory(external_id="OK-1", title="Alter Titel")
    path = write(tmp_path, (
        "OK-1,Neuer Titel,,,,Erfurt,,,retail,50,400,,,false,\n"
        "BAD-1,Kaputt,,,,Erfurt,,,retail,abc,400,,,false,\n"
    ))
    with pytest.raises(CommandError):
        run(path)
    assert Premises.objects.get(external_id="OK-1").title == "Alter Titel"


@pytest.mark.django_db
def test_more_row_problems_are_reported_in_german(tmp_path):
    path = write(tmp_path, (
        ",Ohne ID,,,,Erfurt,,,retail,50,,,,,\n"
        "X-2,Koordinate fehlt halb,,,,Erfurt,50.9,,retail,50,,,,,\n"
        "X-3,Koordinaten im Meer,,,,Erfurt,0,0,retail,50,,,,,\n"
        "X-4,Falsches Merkmal,,,,Erfurt,,,retail,50,,,sauna,,\n"
        "X-5,Falscher Wahrheitswert,,,,Erfurt,,,retail,50,,,,vielleicht,\n"
        "X-6,Falsche Mail,,,,Erfurt,,,retail,50,,,,,kein-at-zeichen\n"
        "X-6,Doppelte ID,,,,Erfurt,,,retail,50,,,,,\n"
        "X-8,Zu wenige Felder,Erfurt\n"
    ))
    with pytest.raises(CommandError):
        call_command("import_premises", str(path), stdout=StringIO(), stderr=(err := StringIO()))
    report = err.getvalue()
    assert "Zeile 2, Spalte „external_id“: Pflichtangabe fehlt." in report
    assert "Zeile 3, Spalte „longitude“: Breiten- und Längengrad bitte nur zusammen angeben." in report
    assert "Zeile 4, Spalte „latitude“: Die Koordinaten (0, 0) liegen nicht in Deutschland." in report
    assert "Zeile 5, Spalte „features“: Unbekannte Ausstattungsmerkmal „sauna“" in report
    assert "Zeile 6, Spalte „interim_use“" in report
    assert "Zeile 7, Spalte „contact_email“" in report
    assert "Zeile 8, Spalte „external_id“: Die externe ID „X-6“ kommt mehrfach vor (zuerst in Zeile 7)." in report
    assert "Zeile 9: Die Zeile hat 3 statt 15 Felder." in report
    assert Premises.objects.count() == 0


@pytest.mark.django_db
def test_line_numbers_count_physical_lines_with_multiline_descriptions(tmp_path):
    path = write(tmp_path, (
        'M-1,Mehrzeilig,"Erste Zeile\nzweite Zeile",,,Erfurt,,,retail,50,,,,,\n'
        "M-2,Kaputt,,,,Erfurt,,,retail,0,,,,,\n"
    ))
    with pytest.raises(CommandError):
        call_command("import_premises", str(path), stdout=StringIO(), stderr=(err := StringIO()))
    assert "Zeile 4, Spalte „area_sqm“" in err.getvalue()


@pytest.mark.django_db
def test_dry_run_validates_without_writing():
    out, _ = run(SAMPLE, "--dry-run")
    assert Premises.objects.count() == 0
    assert "Probelauf" in out and "10 Flächen würden neu angelegt" in out


@pytest.mark.django_db
def test_reimport_updates_the_listing_with_the_same_external_id(tmp_path):
    run(write(tmp_path, "U-1,Alter Titel,,,,Erfurt,,,retail,50,400,,,false,\n", "a.csv"))
    pk = Premises.objects.get().pk
    run(write(tmp_path, "U-1,Neuer Titel,,,,Mühlhausen/Thüringen,,,office;studio,75.5,,,fiber,true,\n", "b.csv"))
    listing = Premises.objects.get()
    assert listing.pk == pk
    assert (listing.title, listing.city, listing.use_types) == ("Neuer Titel", "Mühlhausen", ["office", "studio"])
    assert float(listing.area_sqm) == 75.5 and listing.rent_month_eur is None and listing.interim_use


@pytest.mark.django_db
def test_reimport_publishes_an_expired_listing_again(tmp_path):
    PremisesFactory(external_id="E-1", status=Premises.Status.EXPIRED)
    run(write(tmp_path, "E-1,Wieder da,,,,Erfurt,,,retail,50,,,,,\n"))
    assert Premises.objects.get().status == Premises.Status.PUBLISHED


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "leer"),
        (b"external_id,title\nA,B\n", "Pflichtspalte fehlt"),
        ((HEADER.strip() + ",rent\n").encode(), "Unbekannte Spalte"),
    ],
)
@pytest.mark.django_db
def test_broken_headers_are_refused(tmp_path, content, message):
    path = tmp_path / "kaputt.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError):
        call_command("import_premises", str(path), stdout=StringIO(), stderr=(err := StringIO()))
    assert message in err.getvalue()


@pytest.mark.django_db
def test_unreadable_files_give_a_german_message(tmp_path):
    with pytest.raises(CommandError, match="nicht gefunden"):
        run(tmp_path / "gibt-es-nicht.csv")
    latin1 = write(tmp_path, "L-1,Geschäft in Pößneck,,,,Pößneck,,,retail,50,,,,,\n", encoding="latin-1")
    with pytest.raises(CommandError, match="nicht UTF-8"):
        run(latin1)


@pytest.mark.django_db
def test_import_by_a_partner_cannot_take_over_another_partners_listing():
    owner, other = PartnerFactory(name="Stadt Gotha"), PartnerFactory(name="LEG Thüringen")
    PremisesFactory(external_id="G-1", lister=owner, title="Von Gotha")
    report = premises_import(source=HEADER + "G-1,Übernommen,,,,Gotha,,,retail,50,,,,,\n", lister=other)
    assert not report.ok
    assert "gehört einer anderen Organisation" in str(report.errors[0])
    assert Premises.objects.get().title == "Von Gotha"

    report = premises_import(source=HEADER + "N-1,Neu von der LEG,,,,Gotha,,,retail,50,,,,,\n", lister=other)
    assert report.ok and Premises.objects.get(external_id="N-1").lister == other


@pytest.mark.django_db
def test_many_rows_take_one_pass(tmp_path, django_assert_max_num_queries):
    rows = "".join(f"B-{i},Fläche {i},,,,{('Erfurt', 'Jena', 'Gera')[i % 3]},,,retail,{20 + i},,,,,\n" for i in range(3000))
    path = write(tmp_path, rows)
    with django_assert_max_num_queries(150):  # batches (SQLite caps rows per INSERT), not a query per row
        run(path)
    assert Premises.objects.count() == 3000
