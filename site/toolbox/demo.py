"""Demo content of the toolbox: heat-toolbox measure B4 as on the slides, and the good-practice
examples named at the 3rd Bündnistreffen (their texts are short demo texts, marked as such).

The slides show the funding programmes and hand-outs as link texts only; the demo links point to
the publishers' home pages.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model

from alliance.demo_support import demo_image, upsert_page
from alliance.models import WorkingGroupPage
from common.vocabularies import Level3, MeasureLevel, MeasureStrategy
from core.demo import get_home
from partners.models import Partner, PartnerMembership
from toolbox import demo_data, services
from toolbox.models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    KompassInstrumentEntry,
    KompassPage,
    KompassProblemEntry,
    MeasureFunding,
    MeasureIndexPage,
    MeasureLink,
    MeasurePage,
    MeasureStep,
    PlanDecision,
    PlanStep,
    StepStatus,
)

DEMO_MUNICIPALITY = "Stadt Schmalkalden"
DEMO_MUNICIPALITY_LOGIN = ("kommune-schmalkalden", "hitze-demo")
# (role, username, password) printed by the run command (only when DEMO_LOGINS_ENABLED)
DEMO_LOGINS = [("Kommune Stadt Schmalkalden (Hitzeschutzplan)", *DEMO_MUNICIPALITY_LOGIN)]

DEMO_NOTE = "<p><em>Hinweis: Dieser Text ist Demo-Inhalt und steht so nicht auf den Folien.</em></p>"

UBA_URL = "https://www.umweltbundesamt.de/"


def _ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def seed_measures(home):
    index = upsert_page(
        home,
        MeasureIndexPage,
        slug="hitze-toolbox",
        title="Kommunale Hitze-Toolbox",
        intro="<p>Der Maßnahmenkatalog für kommunalen Hitzeschutz in Thüringen: Maßnahmen nach Strategie, Stufe, "
        "Aufwand und Kosten, mit Förderprogrammen und Umsetzungshilfen. Die Broschüre zur Toolbox: "
        '<a href="https://umwelt.thueringen.de/hitzetoolbox">umwelt.thueringen.de/hitzetoolbox</a>.</p>',
    )
    b4 = upsert_page(
        index,
        MeasurePage,
        slug="b4-sensibilisierung-der-allgemeinen-bevoelkerung",
        title="Sensibilisierung der allgemeinen Bevölkerung",
        code="B4",
        level=MeasureLevel.ADVANCED,
        strategy=MeasureStrategy.INFORMATION,
        effort=Level3.MEDIUM,
        cost=Level3.LOW,
        description=(
            "<p>Die Bevölkerung wird ab April z. B. durch Plakate, Broschüren und Flyer auf das Thema „Hitze und "
            "Gesundheit“ aufmerksam gemacht. Es werden Verhaltenshinweise für heiße Tage und zu "
            "Hitzeschutzmaßnahmen an Gebäuden gegeben. Die Maßnahme B4 geht Hand in Hand mit der "
            "Informationskampagne auf der kommunalen Webseite; außerdem wird beispielsweise auf der kommunalen "
            "Webseite über erfolgreich umgesetzte Maßnahmen im Ort berichtet (siehe Maßnahme B1). Hitzevulnerable "
            "Gruppen werden gesondert über die zuständigen Stellen und Einrichtungen informiert (siehe Maßnahme "
            "B3).</p>"
            f'<p>Weitere Informationen: Die <a href="{UBA_URL}">UBA-Kampagne Schattenspender</a> bietet '
            "Kampagnen-Material, das sich für die eigene Kommune nutzen lässt.</p>"
        ),
        climate_note="Die Bevölkerung kann auch über klimafreundliches Verhalten aufmerksam gemacht werden.",
        synergies=_ul(
            "Vermittlung von Informationen zu kühlen Orten, Trinkwasserstellen etc.",
            "Sensibilisierung für vulnerable Gruppen bei Hitze",
        ),
        example_title="UBA „Schattenspender“-Kampagne",
        example_text=(
            "Deutschlandweite Mitmach-Kampagne klärt vulnerable Gruppen und die gesamte Bevölkerung über Risiken auf "
            "und regt zur Umsetzung von Hitzeschutzmaßnahmen an. Der Hitzeknigge bietet zahlreiche Illustrationen und "
            "Tipps. Einige Städte und Gemeinden haben den Hitzeknigge um lokale Informationen ergänzt."
        ),
        example_url=UBA_URL,
        low_threshold_options=_ul(
            "Beiträge über das Amtsblatt und soziale Medien, lokale Zeitungen, Vereinszeitungen",
            "Verteilung von Hitze-Informationsmaterialien für Arbeitende der Baubranche / Landwirtschaft, "
            "Müllentsorgung etc.",
        ),
        complex_options=_ul(
            "Schulen und Vereine werden auf Fördermöglichkeiten für Verschattungen hingewiesen",
            "Verbreitung eines von der Feuerwehr oder dem Rettungsdienst aufgenommenen Videoclips über soziale Medien",
        ),
        funding_status="Stand 2023",
        sketch_note=(
            "Hier können Sie Ihr Vorhaben zur Umsetzung der Maßnahme kurz erläutern und begründen. Diese Beschreibung "
            "kann direkt auf Förderanträge, wie z. B. von Klima-Invest, übertragen werden. In diesem Feld können Sie "
            "ebenfalls vermerken, wie Bürgerinnen und Bürger (inklusive vulnerabler Gruppen / deren "
            "Interessenvertretungen) an der Maßnahmenplanung und ggf. -umsetzung beteiligt werden können. Beteiligung "
            "erhöht die Erfolgschancen der Maßnahme und ist somit ein wichtiger Faktor in der Umsetzung."
        ),
        effort_note=(
            "Erläutern Sie Ihren erwarteten Personal- sowie Zeitaufwand für die Planung und Umsetzung der "
            "Sensibilisierung der allgemeinen Bevölkerung. Wir haben Ihnen eine Aufwand-Kategorie zur Orientierung "
            "gegeben."
        ),
        cost_note=(
            "Kalkulieren Sie die Kosten der Maßnahme hinsichtlich Investition und Unterhalt. Holen Sie sich ggf. "
            "Kostenkalkulationen für Ihr konkretes Vorhaben ein. Die Kostenkategorie oben dient der groben "
            "Orientierung."
        ),
        responsibilities=(
            "Definieren Sie verantwortliche Akteure. Legen Sie diese in Abstimmung mit den Akteuren fest. Beispiel: "
            "Gesundheitsamt; Presse- und Öffentlichkeitsarbeit; Quartiersmanagement; etc."
        ),
        participating_actors=(
            "Legen Sie fest, wer in die Planung und Umsetzung der Maßnahme einbezogen werden soll. Zum Beispiel: "
            "Multiplikatoren aus Einrichtungen des Gesundheits- und Sozialwesens, der Zivilgesellschaft; "
            "Berufsverbände; lokale Presse; etc."
        ),
        groundwork_note=(
            "In diesem Feld können Sie bestehende Projekte vermerken, auf denen die Sensibilisierung der Bevölkerung "
            "aufbauen kann. Auf welche Vorarbeiten und Erfahrungen kann aufgebaut werden?"
        ),
        location_note=(
            "Hier können Sie beschreiben, an welchen Orten die Maßnahme in der Kommune umgesetzt werden soll. Welche "
            "Orte sind frequentiert? An welchen Orten sind Botschaften im öffentlichen Raum besonders gut sichtbar? "
            "Wo befinden sich Pflegeheime, Kreiskrankenhäuser, Kitas etc., um gezielte Botschaften zu vermitteln?"
        ),
        body=[],
        children={
            "funding_programmes": [
                MeasureFunding(
                    via="Thüringer Aufbaubank",
                    programme="Klima-Invest (Kompetenzaufbau)",
                    share="80 %",
                    url="https://www.aufbaubank.de/",
                ),
                MeasureFunding(
                    via="ZUG",
                    programme="Förderung von Maßnahmen zur Anpassung an die Folgen des Klimawandels",
                    share="50-90 %",
                    url="https://www.z-u-g.org/",
                ),
                MeasureFunding(
                    via="Bundesministerium für Gesundheit",
                    programme="Pakt für den öffentlichen Gesundheitsdienst",
                    share="variiert",
                    url="https://www.bundesgesundheitsministerium.de/",
                ),
            ],
            "steps": [
                MeasureStep(title="Zusammentragen von Informationsmaterialien"),
                MeasureStep(title="Weiterleiten von Materialien über verschiedene Medienkanäle"),
                MeasureStep(
                    title="Weiterleiten von Materialien über Multiplikatoren, um besonders gefährdete Personen über "
                    "Einrichtungen zu erreichen"
                ),
                MeasureStep(title="Regelmäßige Aktualisierung (insbesondere vor anstehenden Hitzewellen)"),
            ],
            "links": [
                MeasureLink(
                    title="Liste von Städten und Gemeinden, die den Hitzeknigge um lokale Informationen ergänzt haben",
                    url=UBA_URL,
                    source="Umweltbundesamt",
                ),
                MeasureLink(
                    title="Informationsblatt „Gesund durch die Sommerhitze“", url="https://www.bzga.de/", source="BZgA"
                ),
            ],
        },
    )
    for item in demo_data.MEASURES:
        seed_demo_measure(index, item)
    return {"index": index, "b4": b4}


def seed_demo_measure(index, item):
    code = item["code"]
    return upsert_page(
        index,
        MeasurePage,
        slug=f"{code.lower()}-{slugify_de(item['title'])}"[:80],
        title=item["title"],
        code=code,
        level=item["level"],
        strategy=item["strategy"],
        effort=item["effort"],
        cost=item["cost"],
        description=f"<p>{item['description']}</p>",
        synergies=_ul(*item["synergies"]),
        example_title=item["example"][0],
        example_text=item["example"][1] + " (Demo-Beispiel)",
        low_threshold_options=_ul(*item["low"]),
        complex_options=_ul(*item["complex"]),
        funding_status="Stand 2023",
        sketch_note="Erläutern Sie Ihr Vorhaben kurz und begründen Sie es. Diese Beschreibung können Sie direkt in "
        "Förderanträge, z. B. bei Klima-Invest, übernehmen. Vermerken Sie auch, wie Bürgerinnen und Bürger beteiligt "
        "werden.",
        effort_note="Erläutern Sie den erwarteten Personal- und Zeitaufwand für Planung und Umsetzung.",
        cost_note="Kalkulieren Sie Investition und Unterhalt; die Kostenkategorie dient der groben Orientierung.",
        responsibilities="Definieren Sie verantwortliche Akteure in Abstimmung mit ihnen.",
        participating_actors="Legen Sie fest, wer in Planung und Umsetzung einbezogen wird.",
        groundwork_note="Auf welche Projekte, Vorarbeiten und Erfahrungen kann die Maßnahme aufbauen?",
        location_note="An welchen Orten in der Kommune soll die Maßnahme umgesetzt werden?",
        body=[{"type": "paragraph", "value": DEMO_NOTE}],
        children={
            "funding_programmes": [
                MeasureFunding(via=via, programme=programme, share=share, url=url)
                for via, programme, share, url in item["funding"]
            ],
            "steps": [MeasureStep(title=title) for title in item["steps"]],
            "links": [],
        },
    )


def slugify_de(text):
    from django.utils.text import slugify

    for umlaut, replacement in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "ae"), ("Ö", "oe"), ("Ü", "ue")):
        text = text.replace(umlaut, replacement)
    return slugify(text)


GOOD_PRACTICES = [
    {
        "slug": "goldschmiede-eisenach",
        "title": "Goldschmiede Eisenach",
        "municipality": "Eisenach",
        "group": "ag-leerstandsbewaeltigung",
        "summary": "Ein ehemals leerstehendes Ladenlokal in der Eisenacher Innenstadt wird wieder als Werkstatt und "
        "Verkaufsraum genutzt – ein Fallbeispiel der AG Leerstandsbewältigung. (Demo-Text)",
        "body": "<p>Die AG Leerstandsbewältigung stellte die Goldschmiede Eisenach als Fallbeispiel vor: Handwerk im "
        "Schaufenster belebt die Erdgeschosszone und zeigt, was aus einem leeren Laden werden kann.</p>",
        "link_url": "",
        "color": "#8a5a00",
    },
    {
        "slug": "freiraumstation",
        "title": "FreiRaumStation",
        "municipality": "",
        "group": "ag-leerstandsbewaeltigung",
        "summary": "Die FreiRaumStation als dezentraler Ansatz: kleine, leicht zugängliche Orte, an denen "
        "Leerstände für Zwischennutzungen geöffnet werden. (Demo-Text)",
        "body": "<p>Statt eines großen Zentrums setzt die FreiRaumStation auf mehrere kleine Stationen in leeren "
        "Räumen. Die AG Leerstandsbewältigung zeigte sie unter dem Titel „Leerstand als Chance – Fallbeispiele“.</p>",
        "link_url": "",
        "color": "#007f8c",
    },
    {
        "slug": "stadtlab-jena",
        "title": "StadtLab Jena",
        "municipality": "Jena",
        "group": None,
        "summary": "Neue Ideen für die City: Das StadtLab Jena ist ein Beispiel für neue Kommunikationsorte und "
        "-formate in der Innenstadt. Am 27.06.2023 stellte die Geschäftsstelle dort das Aktionsbündnis vor.",
        "body": "<p>Beim 3. Bündnistreffen stellte das StadtLab Jena sich in der Diskussion mit einem kurzen "
        "Redebeitrag vor. Es bringt Unternehmen, Verwaltung und Stadtgesellschaft zu Ideen für die Innenstadt "
        "zusammen.</p>",
        "link_url": "https://www.stadtlab-jena.de",
        "color": "#1d5fa8",
    },
    {
        "slug": "stadtmensch-altenburg",
        "title": "Stadtmensch Altenburg",
        "municipality": "Altenburg",
        "group": None,
        "summary": "Ein Projekt, das Bürgerinnen und Bürger in die Entwicklung ihrer Innenstadt einbindet – beim "
        "3. Bündnistreffen als Beispiel für neue Kommunikationsformate genannt.",
        "body": "<p>Stadtmensch Altenburg unterstützt Menschen, die ihre Stadt mitgestalten wollen, mit Räumen, "
        "Beratung und kleinen Budgets für eigene Ideen.</p>",
        "link_url": "https://www.stadtmensch-altenburg.org",
        "color": "#8a3b9e",
    },
]


def seed_good_practices(home):
    index = upsert_page(
        home,
        GoodPracticeIndexPage,
        slug="fallbeispiele",
        title="Fallbeispiele",
        intro="<p>Leerstand als Chance: Leerstandsbewältigung ist ein langfristiger und gemeinsamer Prozess, in dem "
        "verschiedene lokale sowie regionale Akteure zusammenwirken. Diese Beispiele aus Thüringen zeigen, wie es "
        "gelingen kann.</p>",
    )
    for item in GOOD_PRACTICES:
        group = WorkingGroupPage.objects.filter(slug=item["group"]).first() if item["group"] else None
        image = demo_image(
            f"Fallbeispiel: {item['title']}", lines=[item["title"], item["municipality"]], color=item["color"]
        )
        upsert_page(
            index,
            GoodPracticePage,
            slug=item["slug"],
            title=item["title"],
            municipality=item["municipality"],
            working_group=group,
            summary=item["summary"],
            image=image,
            image_alt=f"Platzhalterbild mit der Aufschrift „{item['title']}“",
            link_url=item["link_url"],
            body=[{"type": "paragraph", "value": item["body"] + DEMO_NOTE}],
        )
    return index


def seed_kompass():
    upsert_page(
        get_home(),
        KompassPage,
        slug="kompass-leerstandsbewaeltigung",
        title="Kompass Leerstandsbewältigung",
        intro="<p>Der Kompass der AG Leerstandsbewältigung führt von der Problemlage Ihrer Kommune zu Lösungsansätzen, "
        "ihren Hürden, Instrumenten mit Erfahrungswerten und Fallbeispielen. Leerstandsbewältigung ist ein "
        "langfristiger und gemeinsamer Prozess, in dem verschiedene lokale sowie regionale Akteure zusammenwirken.</p>",
    )
    for problem, description, town_types in demo_data.KOMPASS_PROBLEMS:
        KompassProblemEntry.objects.update_or_create(
            problem=problem, defaults={"description": description, "town_types": list(town_types), "sponsor": ""}
        )
    for item in demo_data.KOMPASS_INSTRUMENTS:
        entry, _ = KompassInstrumentEntry.objects.update_or_create(
            instrument=item["instrument"],
            defaults={
                "approach": item["approach"],
                "description": item["description"],
                "hurdles": "\n".join(item["hurdles"]),
                "experiences": "\n".join(item["experiences"]),
                "measures": item["measures"],
                "sponsor": item["sponsor"],
                "problems": [str(code) for code in item["problems"]],
                "town_types": [str(code) for code in item["town_types"]],
                "offer_categories": [str(code) for code in item["offer_categories"]],
                "sort_order": item["sort_order"],
            },
        )
        entry.examples.set(GoodPracticePage.objects.filter(slug__in=item["examples"]))
        entry.save()


def seed_demo_plan():
    """A demo municipality with a partly filled plan, and (outside production) its demo login."""
    municipality, _ = Partner.objects.get_or_create(
        name=DEMO_MUNICIPALITY,
        defaults={"kind": Partner.Kind.MUNICIPALITY, "region": "Schmalkalden", "description": "Demo-Kommune.",
                  "town": "Schmalkalden"},
    )
    if municipality.kind != Partner.Kind.MUNICIPALITY:
        municipality.kind = Partner.Kind.MUNICIPALITY
        municipality.save(update_fields=["kind"])
    group = services.municipality_group()
    user = None
    if settings.DEMO_LOGINS_ENABLED:
        username, password = DEMO_MUNICIPALITY_LOGIN
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": "Maria", "last_name": "Beispiel", "email": "hitze@example.org"}
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(group)
        PartnerMembership.objects.get_or_create(user=user, defaults={"partner": municipality})
    plan = services.plan_for_municipality(municipality, user)
    if plan.worksheets.exists():
        return plan
    b4 = services.add_measure(plan, MeasurePage.objects.get(code="B4"), user)
    b4.decision = PlanDecision.YES
    b4.working_note = "Abstimmung mit dem Gesundheitsamt am 14. März."
    b4.project_sketch = (
        "Die Stadt Schmalkalden informiert ab April 2024 mit Plakaten, Flyern und Beiträgen im Amtsblatt über "
        "Hitze und Gesundheit. Wir nutzen die Materialien der UBA-Kampagne „Schattenspender“ und ergänzen den "
        "Hitzeknigge um lokale kühle Orte und Trinkwasserstellen. Seniorenbeirat und Quartiersmanagement wirken "
        "an der Auswahl der Orte mit."
    )
    b4.effort_note = "Etwa 20 Arbeitstage Öffentlichkeitsarbeit im ersten Jahr, danach 5 Tage jährlich."
    b4.cost_note = "Druck und Plakatierung rund 3.500 €, jährlich 1.000 € für Aktualisierungen."
    b4.responsible_bodies = "Presse- und Öffentlichkeitsarbeit; Gesundheitsamt des Landkreises"
    b4.participating_actors = "Seniorenbeirat, Apotheken, lokale Presse, Freiwillige Feuerwehr"
    b4.groundwork = "Hitzetipps im Amtsblatt 2023; Kontakt zur Kampagne „Schattenspender“."
    b4.locations = "Altmarkt, Bahnhof, Busbahnhof, Pflegeheime in der Altstadt"
    b4.save()
    steps = list(b4.steps.all())
    if steps:
        steps[0].status, steps[0].due_date = StepStatus.DONE, datetime.date(2024, 3, 15)
        steps[0].save()
    if len(steps) > 1:
        steps[1].status, steps[1].due_date = StepStatus.IN_PROGRESS, datetime.date(2024, 4, 30)
        steps[1].save()
    services.log_change(
        plan, user, "Arbeitsblatt B4 bearbeitet", measure_code="B4",
        details=[{"field": "Projektskizze zur Umsetzung", "old": "", "new": "Die Stadt Schmalkalden informiert …"}],
    )
    g2 = services.add_measure(plan, MeasurePage.objects.get(code="G2"), user)
    g2.decision = PlanDecision.OPEN
    g2.working_note = "Wanderbaumallee aus Gotha für Sommer 2025 anfragen."
    g2.save()
    PlanStep.objects.filter(worksheet=g2).update(status=StepStatus.OPEN)
    services.add_measure(plan, MeasurePage.objects.get(code="A1"), user)
    return plan


def seed(command):
    home = get_home()
    seed_measures(home)
    seed_good_practices(home)
    seed_kompass()
    seed_demo_plan()
    command.stdout.write(
        f"Werkzeuge: Hitze-Toolbox ({MeasurePage.objects.count()} Maßnahmen), Fallbeispiele, Kompass und "
        f"Hitzeschutzplan der Demo-Kommune „{DEMO_MUNICIPALITY}“ angelegt."
    )
