"""Demo content of the partners app: the alliance's partners (3rd alliance meeting, 7 Sept 2023),
the ThEx and LEG offers named on its slides, the contract's sample offers, partner logins, and one
change waiting for approval. Idempotent: offers go through the importer (by ``external_id``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from partners.imports import COLUMNS, offers_import
from partners.models import Partner, SupportOffer
from partners.services import add_alliance_editor, add_partner_person, ensure_roles

SAMPLE = Path(__file__).resolve().parent / "data" / "sample_offers.csv"
PASSWORD = "innenstadt-demo"
THEX_LOGIN = ("thex", PASSWORD)
LEG_LOGIN = ("leg", PASSWORD)
EDITOR_LOGIN = ("redaktion", PASSWORD)
DEMO_LOGINS = [
    ("Partner ThEx (nur eigene Angebote)", *THEX_LOGIN),
    ("Partner LEG Thüringen (nur eigene Angebote)", *LEG_LOGIN),
    ("Bündnisredaktion (gibt Angebote frei)", *EDITOR_LOGIN),
]

K = Partner.Kind
PARTNERS = [
    # name, kind, region, website, description
    ("ThEx", K.AGENCY, "Thüringen", "https://www.thex.de",
     "Thüringer Zentrum für Existenzgründungen und Unternehmertum (RKW Thüringen GmbH): Beratung, Begleitung "
     "und Vernetzung für Gründerinnen und Gründer, Nachfolgerinnen und Nachfolger und Bestandsunternehmen – "
     "„Zukunftsideen für lebendige Innenstädte“."),
    ("LEG Thüringen", K.STATE_AGENCY, "Thüringen", "https://www.leg-thueringen.de",
     "Landesentwicklungsgesellschaft Thüringen mbH – die Full-Service-Agentur für Investition, Ansiedlung und "
     "Erweiterung; Geschäftsstelle des Aktionsbündnisses."),
    ("TMWWDG", K.STATE_AGENCY, "Thüringen", "https://wirtschaft.thueringen.de",
     "Thüringer Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft; Auftraggeber des Gutachtens "
     "„Der stationäre Handel in Thüringen im digitalen und demografischen Wandel bis 2030“."),
    ("TMIL", K.STATE_AGENCY, "Thüringen", "https://infrastruktur-landwirtschaft.thueringen.de",
     "Thüringer Ministerium für Infrastruktur und Landwirtschaft; Städtebauförderung."),
    ("Thüringer Aufbaubank", K.STATE_AGENCY, "Thüringen", "https://www.aufbaubank.de",
     "Förderbank des Freistaats Thüringen."),
    ("IHK Erfurt", K.CHAMBER, "Mittel- und Nordthüringen", "https://www.ihk-erfurt.de",
     "Industrie- und Handelskammer Erfurt."),
    ("Handwerkskammer Erfurt", K.CHAMBER, "Mittel- und Nordthüringen", "https://www.hwk-erfurt.de",
     "Handwerkskammer Erfurt; in der AG Klima des Bündnisses vertreten."),
    ("VTW", K.ASSOCIATION, "Thüringen", "https://www.vtw.de",
     "Verband Thüringer Wohnungs- und Immobilienwirtschaft; leitet die AG Wohnen und Leben in der Stadt."),
    ("LeerGut-Agenten", K.AGENCY, "Thüringen", "",
     "Leitung der AG Leerstandsbewältigung; Zwischennutzung und Umnutzung von Leerständen."),
    ("blank – Agentur für Zwischennutzung", K.AGENCY, "Jena", "", "Agentur für Zwischennutzung in Jena."),
    ("StadtLab Jena", K.AGENCY, "Jena", "https://www.stadtlab-jena.de", "Neue Ideen für die City."),
    ("Digitalagentur Four Degrees", K.AGENCY, "Erfurt", "", "Digitalagentur aus Erfurt."),
    ("NH ProjektStadt", K.AGENCY, "Thüringen", "", "Sanierungsträger."),
    ("Stadtentwicklungsgesellschaft Rudolstadt", K.AGENCY, "Rudolstadt", "", ""),
    ("Stadt Erfurt", K.MUNICIPALITY, "Erfurt", "https://www.erfurt.de", "Landeshauptstadt Erfurt."),
    ("Stadt Jena", K.MUNICIPALITY, "Jena", "https://www.jena.de", ""),
    ("Stadt Weimar", K.MUNICIPALITY, "Weimar", "https://stadt.weimar.de", ""),
    ("Stadt Gera", K.MUNICIPALITY, "Gera", "https://www.gera.de", "Gera startet einen Verfügungsfonds für die Innenstadt."),
    ("Stadt Eisenach", K.MUNICIPALITY, "Eisenach", "https://www.eisenach.de", ""),
    ("Stadtverwaltung Altenburg", K.MUNICIPALITY, "Altenburg", "https://www.altenburg.eu", "Projekt Stadtmensch Altenburg."),
    ("Stadt Gotha", K.MUNICIPALITY, "Gotha", "https://www.gotha.de", "Wanderbaumallee der AG Klima."),
    ("Stadt Schmalkalden", K.MUNICIPALITY, "Schmalkalden", "https://www.schmalkalden.de", ""),
]

ALL = "founder;successor;digital_firm;established"
# external_id, provider, title, description, categories, target_groups, stages, region, cost, tags
OFFERS = [
    ("DEMO-THEX-01", "ThEx", "Beratung zum Businessplan",
     "Individuelle Beratung vom ersten Konzept bis zum tragfähigen Businessplan.",
     "business_plan", "founder", "idea;founding", "thueringen", "free", "Gründung"),
    ("DEMO-THEX-02", "ThEx", "Seminare und Workshops für Gründende",
     "Seminare zu Rechtsform, Steuern, Marketing und Finanzierung.",
     "workshops", "founder;successor", "idea;founding", "thueringen", "subsidized", "Gründung;Weiterbildung"),
    ("DEMO-THEX-03", "ThEx", "Unterstützung beim Mikrodarlehen",
     "Begleitung bei der Beantragung eines Mikrodarlehens für kleine Gründungen.",
     "microloan;financing", "founder", "founding", "thueringen", "free", "Finanzierung"),
    ("DEMO-THEX-04", "ThEx", "Mentoring für Gründende und Unternehmen",
     "Erfahrene Unternehmerinnen und Unternehmer begleiten als Mentorin oder Mentor.",
     "mentoring", "founder;established", "founding;growth", "thueringen", "free", "Mentoring"),
    ("DEMO-THEX-05", "ThEx", "Nachfolge-Club",
     "Austausch und Vernetzung für Übernehmende und Übergebende.",
     "succession;networking", "successor;established", "succession", "thueringen", "free", "Nachfolge"),
    ("DEMO-THEX-06", "ThEx", "Individuelle Begleitung der Unternehmensnachfolge",
     "Von der Vorbereitung der Übergabe bis zur Übernahme: Begleitung beider Seiten.",
     "succession;financing", "successor;established", "succession", "thueringen", "free", "Nachfolge"),
    ("DEMO-THEX-07", "ThEx", "Intensivberatung Homepage und Online-Auftritt",
     "Intensivberatung zu Homepage, Online-Shop und sozialen Medien.",
     "digitalization", "founder;successor;established", "", "thueringen", "subsidized", "Digitalisierung;Handel"),
    ("DEMO-THEX-08", "ThEx", "Investor Days",
     "Junge Unternehmen stellen sich Investorinnen und Investoren vor.",
     "investor_contacts;financing", "founder;digital_firm", "growth", "thueringen", "free", "Investoren"),
    ("DEMO-THEX-09", "ThEx", "ThEx Award",
     "Landeswettbewerb für Gründungen und Unternehmensnachfolgen in Thüringen.",
     "awards", "founder;successor", "founding;succession", "thueringen", "free", "Wettbewerb"),
    ("DEMO-THEX-10", "ThEx", "Mentoring für Frauen",
     "Mentoring-Programm für Gründerinnen und Unternehmerinnen.",
     "mentoring;networking", "founder;established", "", "thueringen", "free", "Frauen;Mentoring"),
    ("DEMO-THEX-11", "ThEx", "Zukunfts-Stammtische",
     "Regionale Stammtische für Unternehmen der Innenstadt.",
     "networking", ALL, "", "thueringen", "free", "Vernetzung;Innenstadt"),
    ("DEMO-THEX-12", "ThEx", "Digitalisierung im Handel",
     "Beratung und Begleitung für den stationären Einzelhandel in der Innenstadt.",
     "digitalization", "established", "established;growth", "thueringen", "subsidized", "Handel;Innenstadt"),
    ("DEMO-THEX-13", "ThEx", "Nachhaltiges Wirtschaften",
     "Ökonomische, ökologische und soziale Nachhaltigkeit im eigenen Unternehmen.",
     "sustainability", "established;founder", "", "thueringen", "free", "Nachhaltigkeit"),
    ("DEMO-THEX-14", "ThEx", "(Cross-)Innovation für Bestandsunternehmen",
     "Neue Ideen durch Zusammenarbeit über Branchengrenzen hinweg.",
     "innovation", "established;digital_firm", "growth;established", "thueringen", "free", "Innovation"),
    ("DEMO-LEG-01", "LEG Thüringen", "Beratung zu geeigneten Standorten",
     "Passende Flächen und Büros in Thüringer Innenstädten – auch für die Digitalwirtschaft.",
     "location", "digital_firm;established", "growth;established", "thueringen", "free", "Standort;Büro"),
    ("DEMO-LEG-02", "LEG Thüringen", "Beratung zu Finanzierung und Förderung",
     "Überblick über Förderprogramme für Investition, Ansiedlung und Erweiterung.",
     "financing", "digital_firm;established", "growth", "thueringen", "free", "Förderung"),
    ("DEMO-LEG-03", "LEG Thüringen", "Wirtschafts- und Regionaldaten",
     "Bereitstellung von Wirtschafts- und Regionaldaten für Standortentscheidungen.",
     "regional_data", ALL, "", "thueringen", "free", "Daten"),
    ("DEMO-LEG-04", "LEG Thüringen", "Vermittlung von Kooperationspartnern",
     "Kontakte zu Unternehmen, Hochschulen und Netzwerken.",
     "networking", "digital_firm;established", "", "thueringen", "free", "Vernetzung"),
    ("DEMO-LEG-05", "LEG Thüringen", "Fachkräfte gewinnen (ThAFF)",
     "Hilfe bei Fachkräfterekrutierung und Qualifizierung durch die Thüringer Agentur für Fachkräftegewinnung.",
     "skilled_workers", "digital_firm;established", "growth;established", "thueringen", "free", "Fachkräfte"),
    ("DEMO-LEG-06", "LEG Thüringen", "Unterstützung bei Behördenangelegenheiten",
     "Begleitung durch Genehmigungsverfahren und Behördenkontakte.",
     "authorities", "digital_firm;established", "growth", "thueringen", "free", "Genehmigung"),
    ("DEMO-LEG-07", "LEG Thüringen", "Technologie- und Innovationsförderung (Clustermanagement)",
     "Beratung zu neuen Technologien und Innovationsförderung in den Thüringer Clustern.",
     "innovation;financing", "digital_firm;established", "growth", "thueringen", "free", "Innovation"),
    ("DEMO-LEG-08", "LEG Thüringen", "Thüringen International",
     "Unterstützung Thüringer Firmen bei internationalen Aktivitäten.",
     "internationalization", "established;digital_firm", "growth;established", "thueringen", "free", "Export"),
]
PENDING_TITLE = "Gründungssprechstunde in der Altenburger Innenstadt"


def _csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for external_id, provider, title, description, categories, groups, stages, region, cost, _tags in rows:
        writer.writerow([external_id, provider, title, description, categories, groups, stages, region, cost, "", ""])
    return out.getvalue()


def _import(source):
    report = offers_import(source=source)
    if report.errors:  # the bundled data is valid; fail loudly if it ever is not
        raise RuntimeError("; ".join(str(error) for error in report.errors))
    return report


def _tag(rows):
    """Tags on offers that have none yet, published so the admin's latest revision carries them."""
    for row in rows:
        offer = SupportOffer.objects.get(external_id=row[0])
        if offer.tags.exists():
            continue
        offer.tags.add(*row[-1].split(";"))
        offer.save_revision(clean=False).publish(skip_permission_checks=True)


def _login(credentials, first_name):
    username, password = credentials
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "first_name": first_name}
    )
    if created:
        user.set_password(password)
        user.save()
    return user


def _pending_change(thex_user):
    """A new ThEx offer submitted for approval: the editor's dashboard shows it, the public not."""
    if SupportOffer.objects.filter(title=PENDING_TITLE).exists():
        return
    offer = SupportOffer(
        provider=Partner.objects.get(name="ThEx"), title=PENDING_TITLE, live=False,
        description="Monatliche Sprechstunde für Gründungsinteressierte in Altenburg.",
        categories=["business_plan", "location"], target_groups=["founder"], stages=["idea", "founding"],
        statewide=False, municipalities=["Altenburg"], cost="free",
    )
    offer.save()
    offer.save_revision(user=thex_user)
    offer.get_workflow().start(offer, thex_user)


def seed(command):
    ensure_roles()
    for name, kind, region, website, description in PARTNERS:
        town = region if kind == K.MUNICIPALITY else ""  # where the town's vacancy reports come from
        Partner.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "region": region, "website": website, "description": description, "town": town},
        )
    _import(SAMPLE.read_text(encoding="utf-8"))
    report = _import(_csv(OFFERS))
    _tag(OFFERS)
    if settings.DEMO_LOGINS_ENABLED:
        thex_user = _login(THEX_LOGIN, "Markus")
        add_partner_person(thex_user, Partner.objects.get(name="ThEx"))
        add_partner_person(_login(LEG_LOGIN, "Corina"), Partner.objects.get(name="LEG Thüringen"))
        _pending_change(thex_user)
        add_alliance_editor(_login(EDITOR_LOGIN, "Andrea"))
    command.stdout.write(
        f"Partner: {Partner.objects.count()}, Angebote: {SupportOffer.objects.count()} "
        f"({report.created} neu aus den Folien des Bündnistreffens)."
    )
