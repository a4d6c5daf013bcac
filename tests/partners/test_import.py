"""import_offers FILE [--dry-run]: the contract's import, through the management command."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line

from partners.models import Partner, SupportOffer

from .factories import PartnerFactory

SAMPLE = Path(__file__).resolve().parents[2] / "partners" / "data" / "sample_offers.csv"
HEADER = "external_id,provider,title,description,categories,target_groups,stages,region,cost,url,contact_email\n"
GOOD_ROW = "X-1,ThEx,Mentoring für Gründerinnen,,mentoring,founder,founding,thueringen,free,https://thex.de,info@thex.de\n"


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_offers", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(tmp_path, body, name="angebote.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_sample_imports_six_live_offers_and_creates_missing_partners(client, search_index):
    with search_index():  # the imported offers reach the index the public API reads
        PartnerFactory(name="ThEx")
        out, _ = run(SAMPLE)
    assert SupportOffer.objects.count() == 6
    assert "6 Angebote wurden neu angelegt" in out
    assert set(Partner.objects.values_list("name", flat=True)) == {
        "ThEx", "LEG Thüringen", "Stadtverwaltung Ilmenau", "Thüringer Aufbaubank", "IHK Südthüringen",
    }
    assert Partner.objects.filter(name="ThEx").count() == 1
    assert SupportOffer.objects.filter(live=True).count() == 6
    succession = client.get("/api/v1/offers", {"category": "succession"}).json()
    assert {r["external_id"] for r in succession["results"]} == {"S-O02"}
    ihk = SupportOffer.objects.get(external_id="S-O06")
    assert ihk.statewide is False
    assert ihk.municipalities == ["Suhl", "Sonneberg", "Ilmenau", "Schmalkalden"]


@pytest.mark.django_db
def test_import_twice_still_six_and_updates_in_place():
    run(SAMPLE)
    first = dict(SupportOffer.objects.values_list("external_id", "pk"))
    revisions = SupportOffer.objects.get(external_id="S-O01").revisions.count()
    out, _ = run(SAMPLE)
    assert SupportOffer.objects.count() == 6
    assert dict(SupportOffer.objects.values_list("external_id", "pk")) == first
    assert "6 unverändert" in out
    assert SupportOffer.objects.get(external_id="S-O01").revisions.count() == revisions


def test_reimport_with_changes_updates_and_publishes(tmp_path, client, search_index):
    with search_index():
        run(write(tmp_path, GOOD_ROW))
    changed = GOOD_ROW.replace("Mentoring für Gründerinnen", "Mentoring für Frauen")
    with search_index():
        out, _ = run(write(tmp_path, changed))
    assert "1 aktualisiert" in out
    offer = SupportOffer.objects.get(external_id="X-1")
    assert offer.title == "Mentoring für Frauen" and offer.live
    assert offer.get_latest_revision_as_object().title == "Mentoring für Frauen"
    assert "Mentoring für Frauen" in client.get("/angebote/").content.decode()


@pytest.mark.django_db
def test_bad_rows_write_nothing_and_are_named_with_line_and_column(tmp_path):
    body = (
        GOOD_ROW
        + "X-2,ThEx,Astrologie,,astrology,founder,,thueringen,,,\n"
        + "X-3,Neuer Anbieter,,,,founder,,thueringen,,,\n"
        + "X-4,ThEx,Beratung,,mentoring,founder,,Atlantis,,,\n"
    )
    path = write(tmp_path, body)
    err = StringIO()
    with pytest.raises(CommandError, match="es wurde nichts gespeichert"):
        call_command("import_offers", str(path), stdout=StringIO(), stderr=err)
    messages = err.getvalue()
    assert "Zeile 3, Spalte „categories“: Unbekannte Kategorie „astrology“" in messages
    assert "Zeile 4, Spalte „title“: Pflichtangabe fehlt." in messages
    assert "Zeile 4, Spalte „categories“: Pflichtangabe fehlt." in messages
    assert "Zeile 5, Spalte „region“: Die Kommune „Atlantis“ ist im Ortsverzeichnis nicht bekannt." in messages
    assert "Zeile 2" not in messages
    assert SupportOffer.objects.count() == 0
    assert not Partner.objects.filter(name__in=["ThEx", "Neuer Anbieter"]).exists()


@pytest.mark.django_db
def test_exit_code_is_non_zero_on_errors(tmp_path, capsys, monkeypatch):
    path = write(tmp_path, "X-9,ThEx,Titel,,mentoring,nobody,,thueringen,,,\n")
    # run_from_argv closes every connection when it ends; the test database must stay open.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", "import_offers", str(path)])
    assert exit_info.value.code != 0
    assert "Zeile 2, Spalte „target_groups“" in capsys.readouterr().err
    assert SupportOffer.objects.count() == 0


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    out, _ = run(SAMPLE, "--dry-run")
    assert "Probelauf" in out and "6 Angebote würden neu angelegt" in out
    assert SupportOffer.objects.count() == 0
    assert Partner.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "message"), [
    ("", "Die Datei ist leer"),
    ("external_id,title\nA,B\n", "Die Pflichtspalte fehlt in der Kopfzeile."),
    (HEADER + "X-1,ThEx,Titel\n", "Die Zeile hat 3 statt 11 Felder."),
    (HEADER + GOOD_ROW + GOOD_ROW, "kommt mehrfach vor (zuerst in Zeile 2)"),
    (HEADER + GOOD_ROW.replace("free", "cheap"), "Unbekannte Kostenart „cheap“"),
    (HEADER + GOOD_ROW.replace("info@thex.de", "kein-mail"), "keine gültige E-Mail-Adresse"),
    (HEADER + GOOD_ROW.replace("thueringen", "Leipzig"), "„Leipzig“ liegt nicht in Thüringen."),
])
def test_malformed_files_are_explained(tmp_path, content, message):
    path = tmp_path / "kaputt.csv"
    path.write_text(content, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_offers", str(path), stdout=StringIO(), stderr=err)
    assert message in err.getvalue()
    assert SupportOffer.objects.count() == 0


@pytest.mark.django_db
def test_missing_and_non_utf8_files_are_refused(tmp_path):
    with pytest.raises(CommandError, match="nicht gefunden"):
        run(tmp_path / "fehlt.csv")
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + GOOD_ROW).encode("latin-1"))
    with pytest.raises(CommandError, match="nicht UTF-8-kodiert"):
        run(path)
