"""Demo content of the toolbox: heat-toolbox measure B4 as on the slides, and the good-practice
examples named at the 3rd Bündnistreffen (their texts are short demo texts, marked as such).

The slides show the funding programmes and hand-outs as link texts only; the demo links point to
the publishers' home pages.
"""

from alliance.demo_support import demo_image, upsert_page
from alliance.models import WorkingGroupPage
from core.demo import get_home
from core.vocabularies import Level3, MeasureLevel, MeasureStrategy
from toolbox.models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    MeasureFunding,
    MeasureIndexPage,
    MeasureLink,
    MeasurePage,
    MeasureStep,
)

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
    return {"index": index, "b4": b4}


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


def seed(command):
    home = get_home()
    seed_measures(home)
    seed_good_practices(home)
    command.stdout.write("Werkzeuge: Hitze-Toolbox (B4) und Fallbeispiele angelegt.")
