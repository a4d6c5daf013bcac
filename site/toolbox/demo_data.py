# ruff: noqa: E501 - long German demo texts
"""Demo content of the heat toolbox and the Kompass: texts only, seeded by toolbox.demo.

B1 and B3 are the measures the slides refer to from B4; the other measures are plausible demo
measures (one or more per strategy), marked as demo content on their pages. The Kompass rows follow
the slides' tables of the AG Leerstandsbewältigung (7th working-group meeting).
"""

from common.vocabularies import KompassInstrument as I
from common.vocabularies import KompassProblem as P
from common.vocabularies import Level3 as L
from common.vocabularies import MeasureLevel as ML
from common.vocabularies import MeasureStrategy as S
from common.vocabularies import SupportCategory as C
from common.vocabularies import TownType as T

TAB = ("Thüringer Aufbaubank", "Klima-Invest (Kompetenzaufbau)", "80 %", "https://www.aufbaubank.de/")
TAB_INVEST = ("Thüringer Aufbaubank", "Klima-Invest (Investitionen)", "bis 90 %", "https://www.aufbaubank.de/")
ZUG = (
    "ZUG",
    "Förderung von Maßnahmen zur Anpassung an die Folgen des Klimawandels",
    "50-90 %",
    "https://www.z-u-g.org/",
)
BMG = ("Bundesministerium für Gesundheit", "Pakt für den öffentlichen Gesundheitsdienst", "variiert",
       "https://www.bundesgesundheitsministerium.de/")
STBF = ("Thüringer Landesverwaltungsamt", "Städtebauförderung (Wachstum und nachhaltige Erneuerung)", "bis 2/3",
        "https://landesverwaltungsamt.thueringen.de/")
KFW432 = ("KfW", "Energetische Stadtsanierung (432)", "75 %", "https://www.kfw.de/")
GREEN = ("Thüringer Aufbaubank", "Green Invest", "bis 80 %", "https://www.aufbaubank.de/")

# code, title, strategy, level, effort, cost, description, synergies, example (title, text),
# low-threshold options, complex options, funding, steps
MEASURES = [
    {
        "code": "B1", "title": "Informationskampagne auf der kommunalen Webseite", "strategy": S.INFORMATION,
        "level": ML.BASIC, "effort": L.LOW, "cost": L.LOW,
        "description": "Die Kommune richtet auf ihrer Webseite eine Seite „Hitze und Gesundheit“ ein: Verhaltenstipps "
        "für heiße Tage, eine Karte kühler Orte und Trinkwasserstellen, Hinweise auf Hitzewarnungen des Deutschen "
        "Wetterdienstes und Berichte über Maßnahmen, die im Ort bereits umgesetzt wurden.",
        "synergies": ["Grundlage für die Sensibilisierung der Bevölkerung (B4)", "Bündelt Hinweise auf kühle Orte (A2) und Trinkbrunnen (W1)"],
        "example": ("Hitzeportal der Stadt Erfurt", "Die Landeshauptstadt bündelt Hitzetipps, kühle Orte und Warnungen auf "
                    "einer Seite und verlinkt sie in den sozialen Medien."),
        "low": ["Seite mit Verhaltenstipps und Links auf vorhandene Materialien (UBA, BZgA)", "Startseiten-Banner bei Hitzewarnungen"],
        "complex": ["Interaktive Karte kühler Orte und Trinkwasserstellen", "Mehrsprachige und leichte-Sprache-Fassungen"],
        "funding": [TAB, BMG],
        "steps": ["Inhalte und Zuständigkeit für die Seite festlegen", "Seite mit Tipps, Karte und Warnhinweisen veröffentlichen",
                  "Vor jedem Sommer aktualisieren"],
    },
    {
        "code": "B3", "title": "Information vulnerabler Gruppen über Einrichtungen", "strategy": S.INFORMATION,
        "level": ML.BASIC, "effort": L.MEDIUM, "cost": L.LOW,
        "description": "Ältere, pflegebedürftige und chronisch kranke Menschen, Schwangere und Kleinkinder werden über die "
        "Stellen erreicht, die sie ohnehin betreuen: Pflegedienste, Hausarztpraxen, Apotheken, Kitas, Seniorentreffs. "
        "Die Kommune stellt diesen Einrichtungen vor dem Sommer abgestimmte Materialien und eine Ansprechperson bereit.",
        "synergies": ["Stärkt die Netzwerke zum Schutz vulnerabler Gruppen (V1, V2)", "Nutzt Materialien der Kampagne B4"],
        "example": ("Hitzeschutz-Netzwerk im Landkreis", "Das Gesundheitsamt verschickt jedes Frühjahr ein Paket mit Plakaten, "
                    "Flyern und einer Checkliste an Pflegedienste und Praxen."),
        "low": ["Versand vorhandener Flyer an Pflegedienste, Praxen und Apotheken", "Hinweis im Seniorenbrief der Kommune"],
        "complex": ["Schulungen für Pflegekräfte und Erzieherinnen", "Verteiler für Hitzewarnungen an alle Einrichtungen"],
        "funding": [TAB, BMG],
        "steps": ["Einrichtungen und Multiplikatoren erfassen", "Material abstimmen und verteilen",
                  "Rückmeldungen der Einrichtungen einholen"],
    },
    {
        "code": "V1", "title": "Hitzeschutzpläne für Pflegeeinrichtungen und Kitas", "strategy": S.VULNERABLE_GROUPS,
        "level": ML.ADVANCED, "effort": L.MEDIUM, "cost": L.MEDIUM,
        "description": "Kommunale und freie Träger von Pflegeheimen, Kitas und Schulen erstellen eigene Hitzeschutzpläne: "
        "Raumtemperaturen messen, Trinkpläne, Verschattung, angepasste Tagesabläufe. Die Kommune stellt eine Vorlage "
        "bereit und berät die Träger.",
        "synergies": ["Baut auf der Information der Einrichtungen (B3) auf", "Verbindet sich mit Verschattung (G1)"],
        "example": ("Muster-Hitzeschutzplan für Pflegeeinrichtungen", "Ein Landesverband der Pflege stellt eine Vorlage bereit, "
                    "die Einrichtungen in einem halben Tag an ihre Häuser anpassen."),
        "low": ["Muster-Hitzeschutzplan an alle Träger verschicken", "Thermometer für Aufenthaltsräume ausgeben"],
        "complex": ["Begehungen mit Trägern und Gesundheitsamt", "Bauliche Nachrüstung von Sonnenschutz"],
        "funding": [ZUG, BMG],
        "steps": ["Träger ansprechen und Vorlage bereitstellen", "Beratungstermine vereinbaren", "Pläne sammeln und nachhalten"],
    },
    {
        "code": "V2", "title": "Hitzetelefon und Nachbarschaftshilfe für Alleinlebende", "strategy": S.VULNERABLE_GROUPS,
        "level": ML.ADVANCED, "effort": L.HIGH, "cost": L.MEDIUM,
        "description": "Ehrenamtliche rufen während Hitzewellen alleinlebende ältere Menschen an, die sich vorher angemeldet "
        "haben, erinnern ans Trinken und vermitteln bei Bedarf Hilfe. Die Kommune koordiniert mit Wohlfahrtsverbänden.",
        "synergies": ["Stärkt Nachbarschaften und Ehrenamt", "Nutzt Hitzewarnungen (A1) als Auslöser"],
        "example": ("Hitzetelefon „Sonnenschirm“", "In mehreren Städten rufen geschulte Ehrenamtliche angemeldete Seniorinnen "
                    "und Senioren bei Hitzewarnungen täglich an."),
        "low": ["Telefonkette über bestehende Seniorenvereine"],
        "complex": ["Hitzetelefon mit Anmeldung, Schulung und Koordinierungsstelle"],
        "funding": [ZUG, BMG],
        "steps": ["Partner unter den Wohlfahrtsverbänden gewinnen", "Ehrenamtliche schulen", "Anmeldung bewerben",
                  "Nach dem Sommer auswerten"],
    },
    {
        "code": "A1", "title": "Hitzewarnungen in der Verwaltung nutzen", "strategy": S.ACUTE,
        "level": ML.BASIC, "effort": L.LOW, "cost": L.LOW,
        "description": "Die Verwaltung abonniert die Hitzewarnungen des Deutschen Wetterdienstes und legt fest, wer bei einer "
        "Warnung wen informiert: Einrichtungen, Bauhof, Veranstalter, Presse. Eine kurze Ablaufliste hängt in jedem Amt.",
        "synergies": ["Auslöser für Hitzetelefon (V2) und kühle Orte (A2)"],
        "example": ("Warnkaskade einer Kreisstadt", "Eine E-Mail-Kaskade informiert bei jeder Warnung binnen einer Stunde alle "
                    "Kitas, Schulen, Pflegeheime und den Bauhof."),
        "low": ["Newsletter des Deutschen Wetterdienstes abonnieren", "Verteilerliste für Warnungen anlegen"],
        "complex": ["Verbindliche Ablaufpläne je Warnstufe für alle Ämter"],
        "funding": [TAB],
        "steps": ["Warnungen abonnieren", "Verteiler und Zuständigkeiten festlegen", "Ablauf im Frühjahr testen"],
    },
    {
        "code": "A2", "title": "Kühle Orte für alle öffnen", "strategy": S.ACUTE,
        "level": ML.BASIC, "effort": L.MEDIUM, "cost": L.LOW,
        "description": "Kirchen, Bibliotheken, Museen und Rathausfoyers öffnen sich an Hitzetagen als kühle Orte mit Sitzplätzen "
        "und Trinkwasser. Die Kommune kennzeichnet sie einheitlich und veröffentlicht eine Karte.",
        "synergies": ["Belebt Innenstädte auch an heißen Tagen", "Ergänzt die Webseite (B1)"],
        "example": ("Kühle Kirchen", "Kirchengemeinden öffnen ihre Kirchen an heißen Nachmittagen und stellen Wasser bereit."),
        "low": ["Vorhandene kühle Räume erfassen und veröffentlichen"],
        "complex": ["Einheitliche Beschilderung und erweiterte Öffnungszeiten an Hitzetagen"],
        "funding": [TAB, STBF],
        "steps": ["Geeignete Orte und Träger ansprechen", "Kennzeichnung und Karte erstellen", "Öffnung an Hitzetagen erproben"],
    },
    {
        "code": "G1", "title": "Verschattung von Plätzen, Spielplätzen und Haltestellen", "strategy": S.SHADE_GREEN,
        "level": ML.ADVANCED, "effort": L.MEDIUM, "cost": L.HIGH,
        "description": "Stark besonnte Plätze, Spielplätze und Haltestellen erhalten Schatten durch Sonnensegel, Pergolen oder "
        "Bäume. Eine Hitzekarte zeigt, wo Schatten am dringendsten fehlt.",
        "synergies": ["Macht Innenstädte aufenthaltsfreundlicher", "Schützt Kinder auf Spielplätzen"],
        "example": ("Sonnensegel am Marktplatz", "Abnehmbare Sonnensegel spenden im Sommer Schatten und werden im Winter "
                    "eingelagert."),
        "low": ["Mobile Sonnenschirme an Bänken und Haltestellen"],
        "complex": ["Dauerhafte Pergolen mit Begrünung", "Baumpflanzungen mit Baumrigolen"],
        "funding": [ZUG, STBF, TAB_INVEST],
        "steps": ["Hitzeorte ermitteln", "Verschattungsvarianten planen", "Umsetzen und Pflege sichern"],
    },
    {
        "code": "G2", "title": "Klimaangepasste Stadtbäume und Wanderbaumallee", "strategy": S.SHADE_GREEN,
        "level": ML.BASIC, "effort": L.MEDIUM, "cost": L.MEDIUM,
        "description": "Die Kommune pflanzt hitze- und trockenheitsverträgliche Baumarten und zeigt mit einer Wanderbaumallee "
        "aus mobilen Bäumen, wie begrünte Straßen wirken. Die AG Klima hat die Wanderbaumallee in Gotha eingeweiht.",
        "synergies": ["Kühlung und Schatten", "Biodiversität und Aufenthaltsqualität"],
        "example": ("Wanderbaumallee Gotha", "Mobile Bäume wandern durch die Innenstadt; Anwohnende übernehmen Gießpatenschaften."),
        "low": ["Gießpatenschaften für vorhandene Bäume"],
        "complex": ["Baumpflanzungen mit klimaangepassten Arten nach Klimabaum-Guide"],
        "funding": [ZUG, GREEN, STBF],
        "steps": ["Standorte prüfen", "Baumarten wählen", "Pflanzen und Patenschaften organisieren"],
    },
    {
        "code": "W1", "title": "Öffentliche Trinkwasserbrunnen", "strategy": S.WATER,
        "level": ML.BASIC, "effort": L.MEDIUM, "cost": L.MEDIUM,
        "description": "An belebten Orten der Innenstadt stellt die Kommune mit dem Wasserversorger Trinkbrunnen auf. "
        "Geschäfte können sich als „Refill-Station“ beteiligen.",
        "synergies": ["Weniger Einwegflaschen", "Macht kühle Orte (A2) nützlicher"],
        "example": ("Trinkbrunnen am Bahnhof", "Ein Stadtwerk betreibt drei Trinkbrunnen von Mai bis September und wartet sie."),
        "low": ["Refill-Stationen in Geschäften und Rathaus"],
        "complex": ["Fest installierte Trinkbrunnen mit Hygienekonzept"],
        "funding": [ZUG, TAB_INVEST],
        "steps": ["Standorte mit dem Wasserversorger abstimmen", "Brunnen beschaffen und aufstellen", "Wartung und Hygiene regeln"],
    },
    {
        "code": "W2", "title": "Wasserspiele und Sprühnebel im öffentlichen Raum", "strategy": S.WATER,
        "level": ML.ADVANCED, "effort": L.HIGH, "cost": L.HIGH,
        "description": "Wasserspiele, Sprühnebel und offene Wasserflächen kühlen Plätze spürbar und laden zum Verweilen ein. "
        "Regenwasser kann dafür gespeichert werden.",
        "synergies": ["Regenwassermanagement", "Attraktive Innenstadt für Familien"],
        "example": ("Sprühnebel am Anger", "Eine Sprühnebelanlage kühlt an Hitzetagen einen stark besonnten Platz."),
        "low": ["Mobile Sprühnebelanlage an Hitzetagen"],
        "complex": ["Dauerhaftes Wasserspiel mit Regenwassernutzung"],
        "funding": [ZUG, STBF],
        "steps": ["Platz und Wasserquelle wählen", "Planung und Genehmigung", "Bau und Betrieb"],
    },
    {
        "code": "H1", "title": "Hitzeschutz an kommunalen Gebäuden", "strategy": S.BUILDINGS,
        "level": ML.ADVANCED, "effort": L.HIGH, "cost": L.HIGH,
        "description": "Schulen, Kitas und Verwaltungsgebäude erhalten außenliegenden Sonnenschutz, Nachtlüftung und helle "
        "Dachflächen. Eine Prioritätenliste nach Nutzung und Raumtemperaturen steuert die Reihenfolge.",
        "synergies": ["Senkt Energiebedarf für Kühlung", "Bessere Arbeits- und Lernbedingungen"],
        "example": ("Außenjalousien an der Grundschule", "Nach Messungen über 30 °C in Klassenräumen rüstete ein Schulträger "
                    "Außenjalousien und Nachtlüftung nach."),
        "low": ["Raumtemperaturen messen und Lüftungsregeln einführen"],
        "complex": ["Außenliegender Sonnenschutz und Dachbegrünung"],
        "funding": [KFW432, TAB_INVEST],
        "steps": ["Raumtemperaturen messen", "Gebäude priorisieren", "Nachrüstung planen und umsetzen"],
    },
    {
        "code": "H2", "title": "Dach- und Fassadenbegrünung fördern", "strategy": S.BUILDINGS,
        "level": ML.BASIC, "effort": L.MEDIUM, "cost": L.MEDIUM,
        "description": "Ein kommunales Förderprogramm und eine Beratung helfen Eigentümerinnen und Eigentümern, Dächer und "
        "Fassaden zu begrünen. In Bebauungsplänen wird Begrünung festgesetzt.",
        "synergies": ["Regenrückhalt", "Biodiversität", "Kühlere Innenräume"],
        "example": ("Begrünungsprogramm einer Mittelstadt", "Zuschüsse von 50 % für Fassadenbegrünung führten zu 40 neuen "
                    "grünen Fassaden in drei Jahren."),
        "low": ["Beratung und Merkblatt für Eigentümer"],
        "complex": ["Kommunales Förderprogramm und Festsetzungen in Bebauungsplänen"],
        "funding": [GREEN, STBF],
        "steps": ["Förderrichtlinie beschließen", "Beratung anbieten", "Anträge bearbeiten und Ergebnisse zeigen"],
    },
    {
        "code": "P1", "title": "Hitzeaktionsplan und Koordinierungsstelle", "strategy": S.PLANNING,
        "level": ML.ADVANCED, "effort": L.HIGH, "cost": L.MEDIUM,
        "description": "Die Kommune beschließt einen Hitzeaktionsplan und benennt eine Koordinierungsstelle, die Maßnahmen, "
        "Zuständigkeiten und Termine zusammenhält. Der Hitzeschutzplan dieser Toolbox ist ein guter Anfang.",
        "synergies": ["Verknüpft alle Maßnahmen der Toolbox", "Erleichtert Förderanträge"],
        "example": ("Hitzeaktionsplan einer Thüringer Stadt", "Ein Stadtratsbeschluss sichert Personal und Budget für die "
                    "Koordination über mehrere Jahre."),
        "low": ["Ansprechperson für Hitzeschutz benennen"],
        "complex": ["Hitzeaktionsplan mit Stadtratsbeschluss und jährlichem Bericht"],
        "funding": [TAB, ZUG],
        "steps": ["Koordinierungsstelle benennen", "Plan mit Ämtern und Partnern erarbeiten", "Beschluss und jährliche Fortschreibung"],
    },
]

KOMPASS_PROBLEMS = [
    (P.GROUND_FLOOR_VACANCY, "Leerstand im EG / oben / unten (große Wohnung oben)", [T.SMALL_TOWN, T.MEDIUM_TOWN]),
    (P.UPPER_FLOOR_VACANCY, "Leerstand in Obergeschossen, oft große Wohnungen über Ladenlokalen", [T.SMALL_TOWN, T.MEDIUM_TOWN]),
    (P.MISSING_RETAIL, "fehlende Einzelhandelsbetriebe (Einkaufszentren)", [T.VILLAGE]),
    (P.FINANCING, "zu hohes Zinsniveau / zu hohe Abschreibungen auf Gebäude", [T.MEDIUM_TOWN, T.CITY]),
    (P.NOT_MARKETABLE, "nicht marktfähige Objekte", [T.MEDIUM_TOWN, T.CITY]),
    (P.MANAGEMENT_CAPACITY, "fehlende Ressourcen für das Leerstandsmanagement, insbesondere bei Umwandlung", [T.MEDIUM_TOWN, T.CITY]),
    (P.OWNER_INACTIVE, "Eigentümer nicht erreichbar oder nicht mitwirkungsbereit", []),
]

# instrument, approach, description, hurdles, experiences, measures, sponsor, problems, town types,
# offer categories, example slugs, sort order
KOMPASS_INSTRUMENTS = [
    {
        "instrument": I.INTERIM_LEASE, "approach": "Zwischenmiete",
        "description": "Die Kommune oder ein Verein mietet leere Ladenlokale zwischen und gibt sie günstig an Gründende, "
        "Kreative oder Pop-up-Nutzungen weiter. Das Schaufenster lebt wieder, das Objekt wird sichtbar.",
        "hurdles": ["Eigentümer muss dem potentiellen Mieter / Nutzer zustimmen"],
        "experiences": ["Belebte Schaufenster ziehen Folgemieter an", "Kurze Laufzeiten senken die Hemmschwelle für Eigentümer"],
        "measures": "Leerstehende Ladenlokale zwischennutzen", "sponsor": "Leergut-Agenten",
        "problems": [P.GROUND_FLOOR_VACANCY, P.NOT_MARKETABLE, P.MISSING_RETAIL],
        "town_types": [T.SMALL_TOWN, T.MEDIUM_TOWN], "offer_categories": [C.INTERIM_USE, C.LOCATION, C.FINANCING],
        "examples": ["goldschmiede-eisenach", "freiraumstation"], "sort_order": 10,
    },
    {
        "instrument": I.URBAN_DEVELOPMENT_FUNDING, "approach": "Kommune kann Aufwertung mit diesen Maßnahmen fördern",
        "description": "Mit Mitteln der Städtebauförderung saniert und gestaltet die Kommune Gebäude und öffentlichen Raum im "
        "Fördergebiet und gibt Anreize für private Investitionen.",
        "hurdles": ["Kommunaler Eigenanteil muss aufgebracht werden", "Nur im festgelegten Fördergebiet"],
        "experiences": ["Mehr Eigeninitiative und wenig Abhängigkeit von Privaten"],
        "measures": "", "sponsor": "„Kommune als Projektentwerfer“",
        "problems": [P.GROUND_FLOOR_VACANCY, P.NOT_MARKETABLE, P.MISSING_RETAIL],
        "town_types": [T.SMALL_TOWN, T.MEDIUM_TOWN, T.CITY], "offer_categories": [C.FINANCING],
        "examples": [], "sort_order": 20,
    },
    {
        "instrument": I.HOUSING_FUNDING, "approach": "Wohnraumsanierung / -anpassung",
        "description": "Förderprogramme des Landes für die Sanierung und Anpassung von Wohnraum machen leere Obergeschosse "
        "wieder vermietbar.",
        "hurdles": ["Hoher Sanierungsaufwand in Altbauten", "Eigentümer muss investieren wollen"],
        "experiences": ["„Schritt für Schritt dank Langfristigkeit“", "„Untergliederung in Baustufen“"],
        "measures": "Wohnraumsanierung / -anpassung", "sponsor": "",
        "problems": [P.UPPER_FLOOR_VACANCY, P.FINANCING], "town_types": [],
        "offer_categories": [C.FINANCING], "examples": [], "sort_order": 30,
    },
    {
        "instrument": I.CONVERSION, "approach": "Umnutzung z. B. zu Wohnen",
        "description": "Nicht mehr marktfähige Ladenflächen werden zu Wohnungen, Praxen oder Ateliers umgebaut.",
        "hurdles": ["rechtlich: Einzeleigentümer müssen zustimmen", "Bauordnungsrecht und Stellplätze"],
        "experiences": ["Umnutzung stabilisiert Randlagen der Innenstadt"],
        "measures": "", "sponsor": "Leergut-Agenten",
        "problems": [P.NOT_MARKETABLE, P.UPPER_FLOOR_VACANCY, P.GROUND_FLOOR_VACANCY], "town_types": [],
        "offer_categories": [C.AUTHORITIES, C.FINANCING], "examples": [], "sort_order": 40,
    },
    {
        "instrument": I.PROCESS_SUPPORT, "approach": "Beratung mit Unternehmen und Eigentümern",
        "description": "Eine externe Prozessbegleitung moderiert Eigentümergespräche und verbindet Verwaltung, Wirtschaft und "
        "Stadtgesellschaft.",
        "hurdles": ["Kosten der Begleitung", "Braucht feste Ansprechperson in der Verwaltung"],
        "experiences": ["Zusammenarbeit unterschiedlicher Disziplinen"],
        "measures": "", "sponsor": "",
        "problems": [P.MANAGEMENT_CAPACITY, P.OWNER_INACTIVE, P.NOT_MARKETABLE], "town_types": [],
        "offer_categories": [C.NETWORKING, C.LOCATION], "examples": ["stadtlab-jena"], "sort_order": 50,
    },
    {
        "instrument": I.NETWORKS, "approach": "Netzwerke / Wissenstransfer",
        "description": "Kommunen lernen voneinander: im Aktionsbündnis, bei den Leergut-Agenten und in den Arbeitsgruppen.",
        "hurdles": ["Zeit für Austausch muss eingeplant werden"],
        "experiences": ["Leergut-Agenten", "Aktionsbündnis „Innenstädte mit Zukunft“"],
        "measures": "", "sponsor": "Aktionsbündnis „Innenstädte mit Zukunft“",
        "problems": [P.MANAGEMENT_CAPACITY, P.OWNER_INACTIVE, P.GROUND_FLOOR_VACANCY], "town_types": [],
        "offer_categories": [C.NETWORKING], "examples": ["freiraumstation", "stadtmensch-altenburg"], "sort_order": 60,
    },
    {
        "instrument": I.GUIDELINES_TRAINING, "approach": "Leitfaden, Richtlinien, Fort- und Weiterbildung",
        "description": "Leitfäden und Fortbildungen geben Verwaltungen Werkzeuge für das Leerstandsmanagement an die Hand.",
        "hurdles": ["Umsetzung braucht Personal vor Ort"],
        "experiences": ["Handliche Entscheidungswerkzeuge werden am häufigsten nachgefragt"],
        "measures": "", "sponsor": "",
        "problems": [P.MANAGEMENT_CAPACITY], "town_types": [T.VILLAGE, T.SMALL_TOWN],
        "offer_categories": [C.WORKSHOPS], "examples": [], "sort_order": 70,
    },
    {
        "instrument": I.CONCEPTS, "approach": "Konzeptionelle Grundlagen / Ziele",
        "description": "Ein integriertes Stadtentwicklungskonzept, ein Rahmenplan und ein Einzelhandelskonzept legen fest, wo "
        "Handel, Wohnen und Dienstleistungen künftig ihren Platz haben.",
        "hurdles": ["Erarbeitung dauert und braucht Beteiligung"],
        "experiences": ["ISEK + Rahmenplan + Einzelhandelsentwicklungskonzept"],
        "measures": "", "sponsor": "",
        "problems": [P.MISSING_RETAIL, P.GROUND_FLOOR_VACANCY, P.NOT_MARKETABLE], "town_types": [],
        "offer_categories": [C.REGIONAL_DATA], "examples": [], "sort_order": 80,
    },
    {
        "instrument": I.DISPOSAL_FUND, "approach": "Verfügungsfonds für kleine Projekte",
        "description": "Ein Verfügungsfonds finanziert schnell und unbürokratisch kleine Projekte von Händlern, Vereinen und "
        "Bürgern, die leere Räume beleben. (Demo-Inhalt)",
        "hurdles": ["Private Kofinanzierung muss gefunden werden"],
        "experiences": ["Kleine Budgets aktivieren viele Beteiligte"],
        "measures": "", "sponsor": "",
        "problems": [P.GROUND_FLOOR_VACANCY, P.MANAGEMENT_CAPACITY], "town_types": [T.SMALL_TOWN, T.MEDIUM_TOWN],
        "offer_categories": [C.FINANCING, C.INTERIM_USE], "examples": ["stadtmensch-altenburg"], "sort_order": 90,
    },
]
