"""The municipal heat-protection plan through HTTP: isolation between municipalities, the worksheet
with its validation and history, and the exports."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from docx import Document

from tests.toolbox import factories
from toolbox.models import PlanChange, PlanMeasure

pytestmark = pytest.mark.django_db

FILLED = {
    "decision": "yes",
    "working_note": "Rücksprache mit dem Gesundheitsamt",
    "project_sketch": "Plakatkampagne „Hitze und Gesundheit“ ab April mit dem Seniorenbeirat.",
    "effort": "high",
    "effort_note": "Zwanzig Arbeitstage Öffentlichkeitsarbeit",
    "cost": "medium",
    "cost_note": "Druckkosten rund 3.500 Euro",
    "responsible_bodies": "Pressestelle der Stadtverwaltung",
    "participating_actors": "Apotheken und Seniorenbeirat",
    "groundwork": "Hitzetipps im Amtsblatt 2023",
    "locations": "Marktplatz und Busbahnhof",
}


def worksheet_post(sheet, **overrides):
    """The form data of a worksheet as the browser sends it, with ``overrides``."""
    data = {**FILLED, **overrides}
    steps = list(sheet.steps.all())
    data.update({"steps-TOTAL_FORMS": str(len(steps) + 1), "steps-INITIAL_FORMS": str(len(steps)),
                 "steps-MIN_NUM_FORMS": "0", "steps-MAX_NUM_FORMS": "30"})
    for number, step in enumerate(steps):
        data.update({f"steps-{number}-id": str(step.pk), f"steps-{number}-title": step.title,
                     f"steps-{number}-status": step.status,
                     f"steps-{number}-due_date": step.due_date.isoformat() if step.due_date else ""})
    new = len(steps)
    data.update({f"steps-{new}-title": "Plakate aufhängen", f"steps-{new}-status": "in_progress",
                 f"steps-{new}-due_date": "2025-04-30"})
    return data


def urls_of(plan, code):
    return [
        reverse("toolbox:plan_detail", args=[plan.pk]),
        reverse("toolbox:plan_history", args=[plan.pk]),
        reverse("toolbox:plan_export", args=[plan.pk, "docx"]),
        reverse("toolbox:plan_export", args=[plan.pk, "pdf"]),
        reverse("toolbox:plan_export", args=[plan.pk, "html"]),
        reverse("toolbox:worksheet", args=[plan.pk, code]),
        reverse("toolbox:worksheet_export", args=[plan.pk, code, "docx"]),
        reverse("toolbox:worksheet_export", args=[plan.pk, code, "pdf"]),
    ]


def test_isolation_matrix(client, b4, towns):
    plan_a = factories.plan_for(towns["a"], b4)
    plan_b = factories.plan_for(towns["b"], b4)
    sheet_b = PlanMeasure.objects.get(plan=plan_b)

    # anonymous: sent to the login
    for url in urls_of(plan_a, "B4"):
        response = client.get(url)
        assert response.status_code == 302 and reverse("toolbox:login") in response["Location"], url

    client.force_login(towns["user_a"])
    # own plan: read ...
    for url in urls_of(plan_a, "B4"):
        assert client.get(url).status_code == 200, url
    # ... and write
    sheet_a = PlanMeasure.objects.get(plan=plan_a)
    response = client.post(reverse("toolbox:worksheet", args=[plan_a.pk, "B4"]), worksheet_post(sheet_a))
    assert response.status_code == 302
    # the start page leads to the own plan
    assert client.get(reverse("toolbox:plan_home"))["Location"] == plan_a.get_absolute_url()

    # the other municipality's plan, worksheets, exports and history: not found
    for url in urls_of(plan_b, "B4"):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("toolbox:worksheet", args=[plan_b.pk, "B4"]), worksheet_post(sheet_b))
    assert response.status_code == 404
    assert client.post(reverse("toolbox:worksheet_remove", args=[plan_b.pk, "B4"])).status_code == 404
    sheet_b.refresh_from_db()
    assert sheet_b.project_sketch == "" and PlanMeasure.objects.filter(plan=plan_b).exists()

    # an alliance editor (superuser) reaches every plan
    editor = get_user_model().objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(editor)
    listing = client.get(reverse("toolbox:plan_home")).content.decode()
    assert "Stadt Arnstadt" in listing and "Stadt Bleicherode" in listing
    assert client.get(reverse("toolbox:plan_detail", args=[plan_b.pk])).status_code == 200


def test_person_of_other_partner_kind_cannot_plan(client, home_page):
    agency = factories.MunicipalityFactory(name="Agentur Beispiel", kind="agency")
    client.force_login(factories.municipality_person(agency, "agentur"))
    response = client.get(reverse("toolbox:plan_home"))
    assert response.status_code == 403


def test_first_visit_creates_plan_and_measure_is_added_with_catalogue_steps(client, b4, towns):
    client.force_login(towns["user_a"])
    response = client.get(reverse("toolbox:plan_home"))
    plan = towns["a"].heat_plan
    assert response["Location"] == plan.get_absolute_url()
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Noch keine Maßnahme im Plan" in page

    response = client.post(plan.get_absolute_url(), {"measure": str(b4.pk)})
    assert response.status_code == 302
    sheet = PlanMeasure.objects.get(plan=plan)
    assert [s.title for s in sheet.steps.all()][0] == "Zusammentragen von Informationsmaterialien"
    overview = client.get(plan.get_absolute_url()).content.decode()
    assert "B4" in overview and "Klima-Invest (Kompetenzaufbau)" in overview and "B4: 80 %" in overview

    bad = client.post(plan.get_absolute_url(), {"measure": "999999"})
    assert bad.status_code == 400
    assert "Diese Maßnahme gibt es nicht im Katalog" in bad.content.decode()


def test_worksheet_save_writes_history(client, b4, towns):
    plan = factories.plan_for(towns["a"], b4)
    sheet = PlanMeasure.objects.get(plan=plan)
    client.force_login(towns["user_a"])
    url = reverse("toolbox:worksheet", args=[plan.pk, "B4"])
    response = client.post(url, worksheet_post(sheet))
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.project_sketch == FILLED["project_sketch"] and sheet.effort == "high"
    assert sheet.steps.filter(title="Plakate aufhängen", status="in_progress").exists()

    change = PlanChange.objects.filter(plan=plan, measure_code="B4").first()
    assert change.user == towns["user_a"] and change.action == "Arbeitsblatt B4 bearbeitet"
    fields = [d["field"] for d in change.details]
    assert "Projektskizze zur Umsetzung" in fields and "Umsetzungsschritt hinzugefügt" in fields

    history = client.get(reverse("toolbox:plan_history", args=[plan.pk])).content.decode()
    assert "Arbeitsblatt B4 bearbeitet" in history and "Erika arnstadt" in history
    assert "Projektskizze zur Umsetzung" in history

    # saving unchanged data writes no history
    before = PlanChange.objects.count()
    unchanged = {**worksheet_post(sheet), "steps-TOTAL_FORMS": str(sheet.steps.count())}
    response = client.post(url, unchanged, follow=True)
    assert "Keine Änderungen" in response.content.decode()
    assert PlanChange.objects.count() == before


def test_bad_worksheet_input_answers_in_german_and_keeps_stored_data(client, b4, towns):
    plan = factories.plan_for(towns["a"], b4)
    sheet = PlanMeasure.objects.get(plan=plan)
    client.force_login(towns["user_a"])
    url = reverse("toolbox:worksheet", args=[plan.pk, "B4"])
    assert client.post(url, worksheet_post(sheet)).status_code == 302

    bad = worksheet_post(sheet, project_sketch="", effort="riesig", cost_note="x" * 5000)
    bad["steps-2-due_date"] = "31.02.2025"
    response = client.post(url, bad)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte beschreiben Sie das Vorhaben in der Projektskizze" in html
    assert "Bitte eine gültige Auswahl treffen." in html
    assert "höchstens 4000 Zeichen" in html
    assert "Bitte ein Datum im Format TT.MM.JJJJ angeben." in html
    assert "Es wurde noch nichts gespeichert." in html
    sheet.refresh_from_db()
    assert sheet.project_sketch == FILLED["project_sketch"] and sheet.effort == "high"
    assert sheet.cost_note == FILLED["cost_note"]


def test_docx_export_contains_every_filled_field(client, b4, towns):
    plan = factories.plan_for(towns["a"], b4)
    sheet = PlanMeasure.objects.get(plan=plan)
    client.force_login(towns["user_a"])
    client.post(reverse("toolbox:worksheet", args=[plan.pk, "B4"]), worksheet_post(sheet))

    for url in (reverse("toolbox:worksheet_export", args=[plan.pk, "B4", "docx"]),
                reverse("toolbox:plan_export", args=[plan.pk, "docx"])):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        assert "attachment" in response["Content-Disposition"] and ".docx" in response["Content-Disposition"]
        document = Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
        text += document.sections[0].header.paragraphs[0].text
        for value in FILLED.values():
            if value not in ("yes", "high", "medium"):
                assert value in text, value
        assert "Ja" in text and "hoch" in text and "mittel" in text
        assert "Stadt Arnstadt" in text and "Sensibilisierung der allgemeinen Bevölkerung" in text
        assert "Plakate aufhängen" in text and "30.04.2025" in text
        assert "Klima-Invest (Kompetenzaufbau)" in text and "80 %" in text


def test_pdf_export_has_measure_titles_and_municipality(client, b4, towns, home_page):
    from pypdf import PdfReader

    g2 = factories.MeasurePageFactory(code="G2", title="Klimaangepasste Stadtbäume", strategy="shade_green")
    plan = factories.plan_for(towns["a"], b4, g2)
    client.force_login(towns["user_a"])
    response = client.get(reverse("toolbox:plan_export", args=[plan.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Sensibilisierung der allgemeinen Bevölkerung" in text and "Klimaangepasste Stadtbäume" in text
    assert "Stadt Arnstadt" in text and "Seite 1 von" in text

    single = client.get(reverse("toolbox:worksheet_export", args=[plan.pk, "G2", "pdf"]))
    single_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(single.content)).pages)
    assert "Klimaangepasste Stadtbäume" in single_text and "Sensibilisierung" not in single_text


def test_logout_and_kompass_statistics_hidden_from_municipalities(client, towns):
    from django.contrib.auth.models import Permission

    towns["user_a"].user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(towns["user_a"])
    refused = client.get(reverse("toolbox_kompass_stats"))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    client.post(reverse("toolbox:logout"))
    assert client.get(reverse("toolbox:plan_home")).status_code == 302


def test_measure_page_leads_to_the_plan_with_the_measure_preselected(client, b4, towns):
    client.force_login(towns["user_a"])
    html = client.get(b4.url).content.decode()
    link = reverse("toolbox:plan_home") + "?massnahme=B4"
    assert link in html
    response = client.get(link, follow=True)
    assert f'<option value="{b4.pk}" selected>' in response.content.decode()


def test_measure_in_a_plan_cannot_be_deleted_in_the_admin(client, b4, towns, admin_user):
    factories.plan_for(towns["a"], b4)
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[b4.pk]), follow=True)
    assert "steht in 1 Hitzeschutzplan" in response.content.decode()
    assert PlanMeasure.objects.filter(measure=b4).exists()


def test_roles_editors_see_every_plan_and_new_municipality_people_can_plan(client, b4, towns):
    from tests.partners.factories import alliance_editor, partner_person

    factories.plan_for(towns["b"], b4)
    client.force_login(alliance_editor("bündnis"))
    assert "Stadt Bleicherode" in client.get(reverse("toolbox:plan_home")).content.decode()

    newcomer = partner_person(factories.MunicipalityFactory(name="Stadt Camburg"), "camburg")
    client.force_login(newcomer)
    response = client.get(reverse("toolbox:plan_home"))
    assert response.status_code == 302 and client.get(response["Location"]).status_code == 200
