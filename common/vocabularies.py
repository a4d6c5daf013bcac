"""The contract's vocabularies (../shared/spec/contract.md): codes travel in files and the API,
German labels are what people see. One home for all of them, used by models, forms, imports,
the API, the search index and the matching reasons alike."""

from functools import cache

from django.db import models


class UseType(models.TextChoices):
    RETAIL = "retail", "Einzelhandel / Laden"
    OFFICE = "office", "Büro"
    GASTRONOMY = "gastronomy", "Gastronomie"
    CRAFT = "craft", "Handwerk / Werkstatt"
    STUDIO = "studio", "Atelier / Kreativraum"
    COWORKING = "coworking", "Coworking"
    SERVICE = "service", "Dienstleistung / Praxis"
    CULTURE = "culture", "Kultur / Veranstaltung"


class Feature(models.TextChoices):
    GROUND_FLOOR = "ground_floor", "Erdgeschoss / ebenerdig"
    SHOP_WINDOW = "shop_window", "Schaufenster"
    FIBER = "fiber", "Glasfaser"
    BARRIER_FREE = "barrier_free", "barrierefrei"
    KITCHEN = "kitchen", "Gastroküche"
    OUTDOOR_SEATING = "outdoor_seating", "Außenfläche / Freisitz"
    STORAGE = "storage", "Lager"
    PARKING = "parking", "Parkplätze"
    ELEVATOR = "elevator", "Aufzug"
    FURNISHED = "furnished", "möbliert"
    MEETING_ROOM = "meeting_room", "Besprechungsraum"


class SeekerKind(models.TextChoices):
    FOUNDER = "founder", "Gründerin / Gründer"
    SUCCESSOR = "successor", "Nachfolgerin / Nachfolger (Übernahme)"
    DIGITAL_FIRM = "digital_firm", "Unternehmen der Digitalwirtschaft"
    ESTABLISHED = "established", "Bestandsunternehmen"


class Stage(models.TextChoices):
    IDEA = "idea", "Idee"
    FOUNDING = "founding", "Gründung"
    GROWTH = "growth", "Wachstum / Erweiterung"
    SUCCESSION = "succession", "Nachfolge"
    ESTABLISHED = "established", "etabliert"


class SupportCategory(models.TextChoices):
    BUSINESS_PLAN = "business_plan", "Businessplan und Gründungsberatung"
    WORKSHOPS = "workshops", "Seminare und Workshops"
    FINANCING = "financing", "Finanzierung und Förderung"
    MICROLOAN = "microloan", "Mikrodarlehen"
    MENTORING = "mentoring", "Mentoring"
    SUCCESSION = "succession", "Unternehmensnachfolge"
    DIGITALIZATION = "digitalization", "Digitalisierung"
    SUSTAINABILITY = "sustainability", "Nachhaltiges Wirtschaften"
    NETWORKING = "networking", "Vernetzung"
    INVESTOR_CONTACTS = "investor_contacts", "Kontakt zu Investoren"
    AWARDS = "awards", "Wettbewerbe und Preise"
    LOCATION = "location", "Standortsuche und -beratung"
    SKILLED_WORKERS = "skilled_workers", "Fachkräfte"
    INNOVATION = "innovation", "Technologie und Innovation"
    INTERNATIONALIZATION = "internationalization", "Internationalisierung"
    INTERIM_USE = "interim_use", "Zwischennutzung"
    REGIONAL_DATA = "regional_data", "Wirtschafts- und Regionaldaten"
    AUTHORITIES = "authorities", "Behördenbegleitung"


class OfferCost(models.TextChoices):
    FREE = "free", "kostenfrei"
    SUBSIDIZED = "subsidized", "gefördert"
    PAID = "paid", "kostenpflichtig"


# Heat-protection toolbox (Hitze-Toolbox)
class MeasureLevel(models.TextChoices):
    BASIC = "basic", "Einstiegsmaßnahme"
    ADVANCED = "advanced", "Fortgeschrittenen-Maßnahme"


class MeasureStrategy(models.TextChoices):
    INFORMATION = "information", "Information und Sensibilisierung"
    VULNERABLE_GROUPS = "vulnerable_groups", "Schutz vulnerabler Gruppen"
    ACUTE = "acute", "Hitzewarnung und Akutmaßnahmen"
    SHADE_GREEN = "shade_green", "Verschattung und Grün"
    WATER = "water", "Wasser im öffentlichen Raum"
    BUILDINGS = "buildings", "Bauen und Gebäude"
    PLANNING = "planning", "Planung und Organisation"


class Level3(models.TextChoices):
    """Effort and cost levels of toolbox measures."""

    LOW = "low", "gering"
    MEDIUM = "medium", "mittel"
    HIGH = "high", "hoch"


# Kompass Leerstandsbewältigung
class TownType(models.TextChoices):
    VILLAGE = "village", "Landgemeinde"
    SMALL_TOWN = "small_town", "Kleinstadt"
    MEDIUM_TOWN = "medium_town", "Mittelstadt"
    CITY = "city", "Großstadt"


class KompassProblem(models.TextChoices):
    GROUND_FLOOR_VACANCY = "ground_floor_vacancy", "Leerstand im Erdgeschoss"
    UPPER_FLOOR_VACANCY = "upper_floor_vacancy", "Leerstand in Obergeschossen"
    MISSING_RETAIL = "missing_retail", "fehlender Einzelhandel / Nahversorgung"
    FINANCING = "financing", "hohe Zinsen und Abschreibungen"
    NOT_MARKETABLE = "not_marketable", "nicht marktfähige Objekte"
    MANAGEMENT_CAPACITY = "management_capacity", "fehlende Ressourcen für Leerstandsmanagement"
    OWNER_INACTIVE = "owner_inactive", "Eigentümer nicht erreichbar oder nicht mitwirkungsbereit"


class KompassInstrument(models.TextChoices):
    URBAN_DEVELOPMENT_FUNDING = "urban_development_funding", "Städtebauförderung"
    HOUSING_FUNDING = "housing_funding", "Wohnungsbauförderung"
    PROCESS_SUPPORT = "process_support", "Prozessbegleitung"
    NETWORKS = "networks", "Netzwerke und Wissenstransfer"
    INTERIM_LEASE = "interim_lease", "Zwischenmiete / Zwischennutzung"
    CONVERSION = "conversion", "Umnutzung, z. B. zu Wohnen"
    GUIDELINES_TRAINING = "guidelines_training", "Leitfäden, Richtlinien, Fort- und Weiterbildung"
    CONCEPTS = "concepts", "ISEK, Rahmenplan, Einzelhandelskonzept"
    DISPOSAL_FUND = "disposal_fund", "Verfügungsfonds"


@cache
def label_map(choices) -> dict[str, str]:
    """Code → German label, built once per vocabulary: ``Choices.choices`` walks the enum on every
    access, which costs seconds when 100,000 imported or indexed rows each ask."""
    return dict(choices.choices)


def labels(choices, codes):
    """German labels of a list of codes, in the given order; unknown codes are skipped."""
    mapping = label_map(choices)
    return [mapping[code] for code in codes if code in mapping]


def unknown_codes(choices, codes):
    """Codes that the vocabulary does not know, for validation messages."""
    mapping = label_map(choices)
    return [code for code in codes if code not in mapping]
