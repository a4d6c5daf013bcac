"""Demo content of the alliance, taken from the 3rd Bündnistreffen (07.09.2023, VTW Erfurt).

Working groups list organisations only (no personal phone numbers or e-mail addresses); people
who reported publicly appear as speakers in the agenda. Text that is not on the slides is marked
as demo text.
"""

import datetime
from zoneinfo import ZoneInfo

from alliance.demo_support import demo_document, demo_image, page_link, upsert_page
from alliance.models import (
    EventIndexPage,
    EventPage,
    MeetingAgendaItem,
    MeetingDocument,
    MeetingIndexPage,
    MeetingPage,
    MeetingPhoto,
    NewsIndexPage,
    NewsPage,
    PilotProjectIndexPage,
    PilotProjectPage,
    PilotProjectStatus,
    WorkingGroupIndexPage,
    WorkingGroupMember,
    WorkingGroupPage,
)
from core.demo import get_home

BERLIN = ZoneInfo("Europe/Berlin")
MEETING_3 = datetime.date(2023, 9, 7)
DEMO_NOTE = "<p><em>Hinweis: Dieser Text ist Demo-Inhalt und steht so nicht auf den Folien.</em></p>"

# Index pages under the home page: (model, slug, title, intro)
INDEXES = {
    "working_groups": (
        WorkingGroupIndexPage,
        "arbeitsgruppen",
        "Arbeitsgruppen",
        "<p>In drei Arbeitsgruppen (AG) entwickeln die Bündnismitglieder Pilotprojekte für lebendige "
        "Thüringer Innenstädte.</p>",
    ),
    "pilot_projects": (
        PilotProjectIndexPage,
        "pilotprojekte",
        "Pilotprojekte",
        "<p>Die ersten Pilotprojekte aus den Arbeitsgruppen sind in Vorbereitung und Umsetzung.</p>",
    ),
    "meetings": (
        MeetingIndexPage,
        "buendnistreffen",
        "Bündnistreffen",
        "<p>Tagesordnungen, Protokolle und Unterlagen der Bündnistreffen.</p>",
    ),
    "news": (NewsIndexPage, "aktuelles", "Aktuelles", "<p>Neuigkeiten aus dem Aktionsbündnis.</p>"),
    "events": (EventIndexPage, "termine", "Termine", "<p>Bündnistreffen, Kongresse und Veranstaltungen.</p>"),
}


def _ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _report(kind, title, text, *, reported_by="", date=MEETING_3):
    return {
        "type": "report",
        "value": {
            "kind": kind,
            "title": title,
            "date": date.isoformat() if date else None,
            "reported_by": reported_by,
            "text": text,
        },
    }


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def seed_indexes(home):
    return {
        key: upsert_page(home, model, slug=slug, title=title, intro=intro, show_in_menus=True)
        for key, (model, slug, title, intro) in INDEXES.items()
    }


def seed_working_groups(index):
    wulis = upsert_page(
        index,
        WorkingGroupPage,
        slug="ag-wohnen-und-leben-in-der-stadt",
        title="AG Wohnen und Leben in der Stadt",
        short_name="AG WULIS",
        intro="<p>Die AG sucht Wege, das Wohnen und Leben in den Innenstädten zu stärken, und bereitet dazu "
        "ihr erstes Pilotprojekt „Der schönste Blick der Stadt“ vor.</p>",
        goals=_ul(
            "Das erste Pilotprojekt „Der schönste Blick der Stadt“ realisieren",
            "Konkrete Ideen für die Belebung von Innenstadtbereichen entwickeln (Beispiel: die „Sorge“ in Gera)",
            "Die Wahrnehmung und Außenwirkung des Aktionsbündnisses erhöhen, auch im politischen Raum",
        ),
        children={
            "members": [
                WorkingGroupMember(
                    organisation="Verband Thüringer Wohnungs- und Immobilienwirtschaft (vtw)", role="Berichterstattung"
                ),
                WorkingGroupMember(organisation="Kurgesellschaft Bad Sulza", role="Mitglied seit 2023"),
                WorkingGroupMember(organisation="Stadt Gera", role="Mitglied seit 2023"),
            ]
        },
        reports=[
            _report(
                "balance",
                "Bilanz / Ergebnisse seit dem 25.05.2023",
                _ul(
                    "3 AG-Sitzungen durchgeführt",
                    "konstruktive Zusammenarbeit bei der Konkretisierung der Wettbewerbsbedingungen des ersten "
                    "Pilotprojekts",
                    "neue Mitglieder aus Bad Sulza und Gera",
                    "Exposé für „Der schönste Blick der Stadt“ kurz vor Fertigstellung",
                    "im Brainstorming konkrete Ideen für die Belebung des Innenstadtbereichs am Beispiel der "
                    "„Sorge“ in Gera zusammengetragen",
                ),
                reported_by="Frank Emrich, vtw",
            ),
            _report(
                "reflection",
                "Reflexion (Mai – September 2023)",
                _ul(
                    "produktive AG-Sitzungen und Gespräche mit dem Ziel, das erste Pilotprojekt zu realisieren",
                    "ehrlicher Austausch zu Möglichkeiten und Grenzen der AG-Arbeit, Erhöhung der Wahrnehmung und "
                    "Außenwirkung des Aktionsbündnisses auch im politischen Raum",
                ),
            ),
            _report(
                "outlook",
                "Wie geht es weiter?",
                _ul(
                    "Finalisierung und Ausschreibung des ersten Pilotprojekts bis Ende 2023",
                    "Einigung auf das zweite Pilotprojekt: kurzfristige vs. langfristige Maßnahmen",
                    "Festlegung eines konkreten Fahrplans und Abstimmung verfügbarer Kapazitäten",
                ),
            ),
        ],
    )
    klima = upsert_page(
        index,
        WorkingGroupPage,
        slug="ag-klima",
        title="AG Klima",
        short_name="AG Klima",
        intro="<p>Die AG Klima macht Innenstädte fit für heiße Sommer: mit der Wanderbaumallee, dem "
        "Klimabaum-Guide und Ideen aus der „Kommunalen Hitze-Toolbox Thüringen“.</p>",
        goals=_ul(
            "Die Wanderbaumallee in mehreren Thüringer Städten umsetzen und 2024 verstetigen",
            "Einen Klimabaum-Guide mit klimagerechten Baumarten für die Innenstadt erstellen",
            "Ein zweites, niedrigschwelliges Pilotprojekt auf Grundlage der Hitze-Toolbox konkretisieren",
        ),
        children={
            "members": [
                WorkingGroupMember(
                    organisation="Thüringer Ministerium für Infrastruktur und Landwirtschaft (TMIL)",
                    role="Berichterstattung",
                ),
                WorkingGroupMember(organisation="Handwerkskammer (HWK)", role="Mitglied"),
                WorkingGroupMember(organisation="Stadt Gotha", role="Partnerkommune Wanderbaumallee (Demo-Angabe)"),
            ]
        },
        reports=[
            _report(
                "balance",
                "Bilanz / Ergebnisse",
                _ul(
                    "Wanderbaumallee in Gotha eingeweiht",
                    "Umsetzung des Vorhabens erfolgt in diesem Jahr noch in Nordhausen und Pößneck",
                    "Diskussion zum zweiten Pilotprojekt der AG: Ideen aus der „Kommunalen Hitze-Toolbox Thüringen“",
                    "Mitgliederwechsel bei der Handwerkskammer",
                ),
                reported_by="Lisa Reinhold, TMIL",
            ),
            _report(
                "reflection",
                "Reflexion",
                _ul(
                    "Motivierende Präsenztreffen in Erfurt",
                    "Sammlung von Ideen für das nächste Pilotprojekt (niedrigschwelliges Vorhaben)",
                    "Projektbeschreibung und Ziele aus dem ersten Jahr der AG hilfreich bei der Themenfindung",
                    "als Querschnittsthema ist eine Zusammenarbeit mit anderen AG gut vorstellbar",
                ),
            ),
            _report(
                "outlook",
                "Ausblick",
                _ul(
                    "Erstellung eines Klimabaum-Guide bis Ende 2023: klimagerechte Baumarten für die „Innen“stadt",
                    "Verstetigung des Projektes Wanderbaumallee in 2024",
                    "Konkretisierung des zweiten Pilotprojektes auf Grundlage der Hitze-Toolbox",
                    "neue Mitglieder sollen je nach Ausrichtung aktiv angesprochen werden, z. B. Vorstellung des "
                    "„Klima Taler“ durch das Klimaschutzmanagement aus Meiningen",
                ),
            ),
        ],
    )
    leerstand = upsert_page(
        index,
        WorkingGroupPage,
        slug="ag-leerstandsbewaeltigung",
        title="AG Leerstandsbewältigung",
        short_name="AG Leerstand",
        intro="<p>Leerstandsbewältigung ist ein langfristiger und gemeinsamer Prozess, in dem verschiedene "
        "lokale sowie regionale Akteure zusammenwirken. Die AG entwickelt dafür den „Kompass "
        "Leerstandsbewältigung“.</p>",
        goals=_ul(
            "Den „Kompass Leerstandsbewältigung“ als praxisnahes Werkzeug für Kommunen entwickeln",
            "Fallbeispiele der AG-Mitglieder sammeln und aufbereiten",
            "Überschneidungen mit den AG Wohnen und Leben in der Stadt und Klima herausarbeiten",
        ),
        children={
            "members": [
                WorkingGroupMember(organisation="LeerGut-Agenten", role="Berichterstattung"),
                WorkingGroupMember(organisation="Stadt Schmalkalden", role="Mitglied seit 2023"),
                WorkingGroupMember(organisation="Kurgesellschaft Bad Sulza", role="Mitglied seit 2023"),
                WorkingGroupMember(organisation="Stadt Gera", role="Mitglied seit 2023"),
            ]
        },
        reports=[
            _report(
                "balance",
                "Bilanz / Ergebnisse",
                _ul(
                    "insgesamt 10 Arbeitsgruppensitzungen",
                    "neue Mitglieder: Stadt Schmalkalden, Kurgesellschaft Bad Sulza, Stadt Gera",
                    "weitere Interessenten bzw. potenzielle neue AG-Mitglieder im Gespräch, Workshop im DENKDECK",
                    "Kompass-Arbeitsstände: Problemlagen und Typologie, konzeptionelle Lösungsansätze und Hürden, "
                    "Instrumentarien, Interviews",
                    "Fallbeispiele: Goldschmiede Eisenach, FreiRaumStation als dezentraler Ansatz",
                ),
                reported_by="Katrin Hitzigrad, LeerGut-Agenten",
            ),
            _report(
                "outlook",
                "Wie geht es weiter?",
                _ul(
                    "Entwicklung des Kompass – Fallbeispiele der AG-Mitglieder",
                    "Was ist für die AG leistbar?",
                    "Herausarbeiten von Überschneidungspunkten (ggf. gemeinsames Projekt) mit den Arbeitsgruppen "
                    "WULIS und Klima",
                ),
            ),
        ],
    )
    return {"wulis": wulis, "klima": klima, "leerstand": leerstand}


def seed_pilot_projects(index, groups):
    upsert_page(
        index,
        PilotProjectPage,
        slug="wanderbaumallee",
        title="Wanderbaumallee",
        status=PilotProjectStatus.IMPLEMENTATION,
        working_group=groups["klima"],
        municipality="Gotha, Nordhausen, Pößneck",
        start_date=None,
        end_date=None,
        teaser="Mobile Bäume wandern durch die Innenstadt und zeigen, wie Grün Straßen und Plätze kühlt.",
        body=[
            _paragraph(
                "<p>Die Wanderbaumallee der AG Klima wurde in Gotha eingeweiht. In diesem Jahr folgt die "
                "Umsetzung in Nordhausen und Pößneck; 2024 soll das Projekt verstetigt werden.</p>"
                "<p>Bäume in mobilen Pflanzkübeln stehen für einige Wochen an einem Ort und ziehen dann weiter. "
                "So erleben Anwohnerinnen, Anwohner und Geschäftsleute, wie Schatten und Grün eine Straße "
                "verändern.</p>" + DEMO_NOTE
            )
        ],
        outcome=_ul("Einweihung in Gotha", "Umsetzung 2023 in Nordhausen und Pößneck", "Verstetigung 2024 geplant"),
    )
    upsert_page(
        index,
        PilotProjectPage,
        slug="der-schoenste-blick-der-stadt",
        title="Der schönste Blick der Stadt",
        status=PilotProjectStatus.PREPARATION,
        working_group=groups["wulis"],
        municipality="",
        start_date=datetime.date(2023, 6, 22),
        end_date=None,
        teaser="Ein Wettbewerb der AG Wohnen und Leben in der Stadt; das Exposé (Stand 22.06.2023) ist kurz vor "
        "der Fertigstellung.",
        body=[
            _paragraph(
                "<p>Die AG hat die Wettbewerbsbedingungen des ersten Pilotprojekts gemeinsam konkretisiert. "
                "Finalisierung und Ausschreibung sind bis Ende 2023 geplant.</p>"
            )
        ],
        outcome="",
    )
    upsert_page(
        index,
        PilotProjectPage,
        slug="kompass-leerstandsbewaeltigung",
        title="Kompass Leerstandsbewältigung",
        status=PilotProjectStatus.PREPARATION,
        working_group=groups["leerstand"],
        municipality="",
        start_date=None,
        end_date=None,
        teaser="Ein praxisnaher Wegweiser: Problemlagen nach Stadttyp, Lösungsansätze und ihre Hürden, "
        "Instrumente, Erfahrungen und Fallbeispiele.",
        body=[
            _paragraph(
                "<p>Die Leerstandsthematik ist ein zentrales Aufgabenfeld, insbesondere in mittleren und kleineren "
                "Städten. Der „Kompass“ kann ein wichtiges Instrument für eine integrierte und strategische "
                "Herangehensweise sein; seine Praxisorientierung ist für die kommunalen Akteure wesentlich, auch "
                "mit Blick auf begrenzte personelle Ressourcen vor Ort.</p>"
            )
        ],
        outcome="",
    )
    upsert_page(
        index,
        PilotProjectPage,
        slug="klimabaum-guide",
        title="Klimabaum-Guide",
        status=PilotProjectStatus.PREPARATION,
        working_group=groups["klima"],
        municipality="",
        start_date=None,
        end_date=datetime.date(2023, 12, 31),
        teaser="Klimagerechte Baumarten für die „Innen“stadt – ein Leitfaden der AG Klima, geplant bis Ende 2023.",
        body=[],
        outcome="",
    )


def seed_meetings(index, working_groups_index):
    presentation = demo_document(
        "Präsentation 3. Bündnistreffen (07.09.2023)",
        lines=[
            "Thüringer Aktionsbündnis „Innenstädte mit Zukunft“",
            "3. Bündnistreffen, 07.09.2023, VTW Erfurt",
            "",
            "TOP 1 Begrüßung / Stand der Bündnisarbeit",
            "TOP 2 Bericht aus den Arbeitsgruppen / Stand der Pilotprojekte",
            "TOP 3 Ausblick 2. HJ 2023 / Impulsvortrag: ThEx / LEG, Abt. AIC",
            "TOP 4 Diskussion",
            "TOP 5 Weiterer Fahrplan für 2023",
            "TOP 6 Sonstiges",
            "",
            "Demo-Dokument: ersetzt die Originalpräsentation.",
        ],
    )
    roadmap = demo_document(
        "Fahrplan 2023: Aufgaben, Termine, Verantwortlichkeiten",
        lines=[
            "Finalisierung/Umsetzung der ersten drei Pilotprojekte – Ende 2023/1. HJ 2024 – AGs/Bündnis",
            "Ideenfindung/Konzeptionierung der nächsten drei Pilotprojekte – Ende 2023 – AGs",
            "Gemeinsame AG-Sitzung – 10-11/2023 – AGs",
            "Zwischenbericht zur Bündnisarbeit – 10/2023 – Geschäftsstelle",
            "Information der Landespolitik (Fraktionen) – 10/2023 – Bündnis",
            "Strategie für die Bündnisarbeit 2024 – 10-11/2023 – Geschäftsstelle",
            "4. Bündnistreffen: Bilanz 2023/Ziele 2024 – 30.11.2023 – Bündnis",
            "",
            "Demo-Dokument.",
        ],
    )
    photos = [
        (
            demo_image(
                f"Bündnistreffen 07.09.2023 – Foto {number} (Platzhalter)",
                lines=["3. Bündnistreffen", text],
                color=color,
            ),
            text,
        )
        for number, text, color in [
            (1, "Begrüßung im VTW Erfurt", "#1d5fa8"),
            (2, "Berichte aus den Arbeitsgruppen", "#0b6e4f"),
            (3, "Diskussion im Plenum", "#b4451b"),
        ]
    ]
    minutes = (
        "<h3>Bilanz der Bündnisarbeit 2023</h3>"
        + _ul(
            "Start mit der Jahresauftaktveranstaltung Ende Februar: ca. 6,5 Monate Projektarbeit in unterschiedlichen "
            "Formaten",
            "Etablierung des Bündnisses als Informations-, Kommunikations-, Austausch- und Arbeitsplattform",
            "erste drei Pilotprojekte aus den AGs im Vorbereitungs- und Umsetzungsprozess",
            "Besuch der Geschäftsstelle im StadtLab Jena am 27.06.2023",
            "neue Bündnismitglieder fordern einen klaren Praxisbezug der Bündnisarbeit",
        )
        + "<h3>Kommunikation, PR und gute Beispiele</h3>"
        "<p>Schlüssel für eine erfolgreiche Revitalisierung der Innenstädte ist die Einbindung der verschiedensten "
        "Akteure in integrierte Gesamtprozesse. Citymanager und Unternehmen sind stärker einzubinden. Das StadtLab "
        "Jena und das Projekt Stadtmensch Altenburg sind Beispiele für neue Kommunikationsorte und -formate.</p>"
        "<h3>Leerstand und Aktivierung von Leerständen</h3>"
        "<p>Der „Kompass“ kann ein wichtiges Instrument für eine integrierte, strategische Herangehensweise sein. "
        "Zwischen- und finale Nutzungen sind unter wirtschaftlichen wie gemeinwohlorientierten Perspektiven denkbar; "
        "quartiersbezogene Gesamtstrategien und digitale Tools sind anzustreben. Know-how-Transfer zu "
        "funktionierendem Leerstandsmanagement in Thüringen ist gewünscht (Beispiel Jena).</p>"
        "<h3>Akteure</h3>"
        "<p>Unternehmen sollen stärker in die Innenstadtrevitalisierung eingebunden werden; dafür braucht es klare "
        "Entwicklungsstrategien. Das Gutachten „Der stationäre Handel in Thüringen im digitalen und demografischen "
        "Wandel bis 2030“ ist im Auftrag des TMWWDG in Arbeit. Die Landtagsfraktionen werden auf Grundlage des "
        "Zwischenberichts informiert und zum 4. Bündnistreffen eingeladen.</p>"
        "<h3>Finanzierung</h3>"
        "<p>Finanzierungs- und Planungssicherheit von Projektbüros, PR und konkreten Projekten ist erforderlich; die "
        "Diskussion wird beim 4. Bündnistreffen fortgeführt. Gera beginnt mit einem Verfügungsfonds.</p>"
        "<h3>Feedback und Fahrplan</h3>"
        + _ul(
            "positive Resonanz auf die Bündnisarbeit der letzten Monate",
            "digitale Tools für die interne Projektkommunikation gewünscht",
            "gemeinsame AG-Sitzung wird durch die Geschäftsstelle für Oktober vorbereitet",
            "der Fahrplan der Geschäftsstelle für 2023 wurde angenommen; 4. Bündnistreffen am 30.11.2023",
        )
        + f"<p>Mehr zu den {page_link(working_groups_index, 'Arbeitsgruppen')}.</p>"
    )
    third = upsert_page(
        index,
        MeetingPage,
        slug="3-buendnistreffen-2023",
        title="3. Bündnistreffen",
        date=MEETING_3,
        venue="VTW, Erfurt",
        intro="<p>Bilanz der Bündnisarbeit seit dem 2. Bündnistreffen am 25.05.2023, Berichte aus den drei "
        "Arbeitsgruppen und Vorbereitung des 4. Bündnistreffens.</p>",
        minutes=minutes,
        children={
            "agenda_items": [
                MeetingAgendaItem(
                    title="Begrüßung / Stand der Bündnisarbeit",
                    speakers="Frank Emrich, VTW / Anja Maruschky, TMIL / Andreas Jaeger, Geschäftsstelle",
                ),
                MeetingAgendaItem(
                    title="Aktueller Projektstand: Bericht aus den Arbeitsgruppen / Stand der Pilotprojekte",
                    speakers="Frank Emrich, VTW / Lisa Reinhold, TMIL / Katrin Hitzigrad, LeerGut-Agenten",
                ),
                MeetingAgendaItem(
                    title="Ausblick 2. HJ 2023 / Impulsvortrag: ThEx / LEG, Abt. AIC",
                    speakers="Corina Fischer, LEG / Markus Meier, ThEx",
                    description="Investieren, Arbeiten und Leben im Freistaat Thüringen",
                ),
                MeetingAgendaItem(title="Diskussion"),
                MeetingAgendaItem(title="Weiterer Fahrplan für 2023: Aufgaben, Termine, Verantwortlichkeiten"),
                MeetingAgendaItem(title="Sonstiges"),
            ],
            "documents": [
                MeetingDocument(document=presentation, title="Präsentation zum 3. Bündnistreffen (Demo-PDF)"),
                MeetingDocument(document=roadmap, title="Fahrplan 2023 (Demo-PDF)"),
            ],
            "photos": [
                MeetingPhoto(
                    image=image,
                    alt_text=f"Platzhalterbild: {text}",
                    caption=f"{text} (Platzhalter für die Fotos der LEG)",
                )
                for image, text in photos
            ],
        },
    )
    fourth = upsert_page(
        index,
        MeetingPage,
        slug="4-buendnistreffen-2023",
        title="4. Bündnistreffen",
        date=datetime.date(2023, 11, 30),
        venue="Erfurt",
        intro="<p>Bilanz 2023 / Ziele 2024. Die Landtagsfraktionen sind eingeladen.</p>",
        minutes="",
        children={
            "agenda_items": [
                MeetingAgendaItem(title="Begrüßung"),
                MeetingAgendaItem(title="Bilanz 2023: Zwischenbericht zur Bündnisarbeit"),
                MeetingAgendaItem(title="Ziele und Strategie für die Bündnisarbeit 2024"),
                MeetingAgendaItem(title="Diskussion, auch zur Finanzierung der Bündnisarbeit"),
                MeetingAgendaItem(title="Sonstiges"),
            ],
            "documents": [],
            "photos": [],
        },
    )
    return {"third": third, "fourth": fourth}


def seed_news(index):
    items = [
        (
            "wanderbaumallee-in-gotha-eingeweiht",
            "Wanderbaumallee in Gotha eingeweiht",
            datetime.date(2023, 9, 8),
            "Das erste Pilotprojekt der AG Klima ist auf der Straße: In Gotha wandern jetzt Bäume durch die "
            "Innenstadt. Nordhausen und Pößneck folgen noch in diesem Jahr.",
            ("Wanderbaumallee Gotha", "#2f7d32"),
        ),
        (
            "ministerin-besucht-geschaeftsstelle",
            "Ministerin Karawanskij besucht die Geschäftsstelle",
            datetime.date(2023, 6, 12),
            "Am 12. Juni 2023 besuchte Ministerin Susanna Karawanskij die Geschäftsstelle des Aktionsbündnisses.",
            ("Besuch in der Geschäftsstelle", "#1d5fa8"),
        ),
        (
            "gutachten-stationaerer-handel-online-befragung",
            "Gutachten zum stationären Handel: Online-Befragung bis 30. September",
            datetime.date(2023, 9, 11),
            "Das Gutachten „Der stationäre Handel in Thüringen im digitalen und demografischen Wandel bis 2030“ "
            "entsteht im Auftrag des TMWWDG. Händlerinnen und Händler können sich bis zum 30.09.2023 an einer "
            "Online-Befragung beteiligen.",
            ("Gutachten stationärer Handel", "#7a5a1e"),
        ),
        (
            "das-buendnis-waechst",
            "Das Bündnis wächst",
            datetime.date(2023, 9, 7),
            "Beim 3. Bündnistreffen waren viele neue Akteure dabei: Der Kreis des Aktionsbündnisses wird "
            "kontinuierlich größer.",
            ("Das Bündnis wächst", "#b4451b"),
        ),
    ]
    bodies = {
        "wanderbaumallee-in-gotha-eingeweiht": "<p>Beim 3. Bündnistreffen am 7. September 2023 berichtete die "
        "AG Klima: Die Wanderbaumallee wurde in Gotha eingeweiht, die Umsetzung in Nordhausen und Pößneck "
        "erfolgt noch in diesem Jahr. 2024 soll das Projekt verstetigt werden.</p>",
        "ministerin-besucht-geschaeftsstelle": "<p>Ministerin Karawanskij informierte sich über die Arbeit des "
        "Aktionsbündnisses, die Arbeitsgruppen und die ersten Pilotprojekte.</p>" + DEMO_NOTE,
        "gutachten-stationaerer-handel-online-befragung": "<p>Zur Online-Befragung: "
        '<a href="https://www.ibi.de/handel-thueringen">www.ibi.de/handel-thueringen</a>. Zwischenergebnisse des '
        "Gutachtens werden für Oktober/November 2023 erwartet.</p>",
        "das-buendnis-waechst": "<p>Neu dabei waren unter anderem blank – Agentur für Zwischennutzung (Jena), die "
        "Stadtentwicklungsgesellschaft Rudolstadt, die Stadtverwaltung Altenburg, ThEx und die LEG-Abteilung AIC mit "
        "Impulsvorträgen, das StadtLab Jena, die Digitalagentur Four Degrees (Erfurt) und der Sanierungsträger "
        "NH-Projektstadt.</p>",
    }
    for slug, title, date, teaser, (image_text, color) in items:
        image = demo_image(f"Aktuelles: {title}", lines=[image_text], color=color)
        upsert_page(
            index,
            NewsPage,
            slug=slug,
            title=title,
            date=date,
            teaser=teaser,
            image=image,
            image_alt=f"Platzhalterbild mit der Aufschrift „{image_text}“",
            body=[_paragraph(bodies[slug])],
        )


def _at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def seed_events(index, meetings):
    upsert_page(
        index,
        EventPage,
        slug="nsp-kongress-2023-jena",
        title="NSP-Kongress 2023 in Jena",
        start=_at(2023, 9, 12, 9),
        end=_at(2023, 9, 13, 16),
        place="Jena",
        registration_url="",
        teaser="Kongress der Nationalen Stadtentwicklungspolitik am 12. und 13. September 2023 in Jena.",
        body=[_paragraph("<p>Die Uhrzeiten sind Demo-Angaben.</p>")],
    )
    upsert_page(
        index,
        EventPage,
        slug="4-buendnistreffen",
        title="4. Bündnistreffen: Bilanz 2023 / Ziele 2024",
        start=_at(2023, 11, 30, 10),
        end=_at(2023, 11, 30, 15),
        place="Erfurt",
        registration_url="",
        teaser="Bilanz 2023 und Ziele 2024 des Aktionsbündnisses; die Landtagsfraktionen sind eingeladen.",
        body=[
            _paragraph(
                f"<p>Tagesordnung und Unterlagen: {page_link(meetings['fourth'], '4. Bündnistreffen')}. "
                "Die Uhrzeiten sind Demo-Angaben.</p>"
            )
        ],
    )
    upsert_page(
        index,
        EventPage,
        slug="5-buendnistreffen-2027-demo",
        title="5. Bündnistreffen 2027 (Demo)",
        start=_at(2027, 3, 10, 10),
        end=_at(2027, 3, 10, 15),
        place="Erfurt (Demo-Termin)",
        registration_url="https://example.org/anmeldung-demo",
        teaser="Ein erfundener Termin, damit die Terminliste auch kommende Veranstaltungen zeigt.",
        body=[_paragraph("<p>Dieser Termin ist Demo-Inhalt.</p>")],
    )


def seed(command):
    home = get_home()
    indexes = seed_indexes(home)
    groups = seed_working_groups(indexes["working_groups"])
    seed_pilot_projects(indexes["pilot_projects"], groups)
    meetings = seed_meetings(indexes["meetings"], indexes["working_groups"])
    seed_news(indexes["news"])
    seed_events(indexes["events"], meetings)
    command.stdout.write("Bündnis: Arbeitsgruppen, Pilotprojekte, Bündnistreffen, Aktuelles und Termine angelegt.")
