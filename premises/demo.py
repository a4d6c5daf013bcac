"""Demo premises: the contract's ten samples plus listings across Thuringian towns, each with a
generated picture. Idempotent (by external id) and written through the import service."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from alliance.demo_support import demo_font
from common import gazetteer
from common.vocabularies import UseType
from premises.models import Premises, PremisesImage
from premises.services import COLUMNS, premises_import

SAMPLES = Path(__file__).resolve().parent / "data" / "sample_premises.csv"

# (external_id, title, description, street, postal_code, city, use_types, area, rent, features, interim, leg)
DEMO = [
    ("DEMO-P01", "Eckladen am Anger", "Großzügiger Eckladen mit Schaufenstern zu zwei Seiten, direkt an der Straßenbahn.",
     "Anger 41", "99084", "Erfurt", "retail", 120, 1850, "ground_floor;shop_window;storage", False, True),
    ("DEMO-P02", "Büro über der Krämerbrücke", "Zwei helle Räume mit Blick auf die Gera, Glasfaser liegt an.",
     "Krämerbrücke 12", "99084", "Erfurt", "office", 48, 520, "fiber", False, False),
    ("DEMO-P03", "Atelier in der Johannisstraße", "Ehemalige Druckerei, hohe Decken, Lastenaufzug.",
     "Johannisstraße 88", "07743", "Jena", "studio;craft", 95, 690, "elevator;storage", True, True),
    ("DEMO-P04", "Coworking-Etage am Holzmarkt", "Möblierte Etage mit Besprechungsraum, sofort nutzbar.",
     "Holzmarkt 7", "07743", "Jena", "coworking;office", 210, 2400, "fiber;furnished;meeting_room;elevator", False,
     False),
    ("DEMO-P05", "Café-Fläche am Theaterplatz", "Gastraum mit Küche und Freisitz in bester Lage.",
     "Theaterplatz 3", "99423", "Weimar", "gastronomy", 85, 1100, "kitchen;outdoor_seating;ground_floor", False, True),
    ("DEMO-P06", "Laden in der Schillerstraße", "Kleiner Laden, geeignet für Buchhandel oder Manufaktur.",
     "Schillerstraße 15", "99423", "Weimar", "retail;studio", 40, 480, "shop_window;ground_floor", True, False),
    ("DEMO-P07", "Kulturraum in der Sorge", "Leerstehender Saal für Veranstaltungen, auch zur Zwischennutzung.",
     "Sorge 22", "07545", "Gera", "culture", 260, None, "barrier_free;storage", True, True),
    ("DEMO-P08", "Praxisräume am Markt Gera", "Barrierefreie Räume mit Aufzug, vorher Physiotherapie.",
     "Markt 10", "07545", "Gera", "service", 130, 980, "barrier_free;elevator;parking", False, False),
    ("DEMO-P09", "Werkstatt am Hauptmarkt Gotha", "Ebenerdige Werkstatt mit Hoftor und Lager.",
     "Hauptmarkt 30", "99867", "Gotha", "craft", 110, 650, "ground_floor;storage;parking", False, True),
    ("DEMO-P10", "Ladenlokal in der Karlstraße", "Fußgängerzone, großes Schaufenster, Nebenraum.",
     "Karlstraße 19", "99817", "Eisenach", "retail", 70, 720, "ground_floor;shop_window", False, False),
    ("DEMO-P11", "Bürofläche am Markt Eisenach", "Drei Büros im 2. OG mit Glasfaser.",
     "Markt 5", "99817", "Eisenach", "office", 90, 760, "fiber;meeting_room", False, True),
    ("DEMO-P12", "Gaststätte am Brühl", "Traditionsgaststätte mit Küche und Biergarten.",
     "Brühl 4", "04600", "Altenburg", "gastronomy", 160, 900, "kitchen;outdoor_seating", False, True),
    ("DEMO-P13", "Laden in der Rautenstraße", "Kompakter Laden mit Schaufenster, Zwischennutzung möglich.",
     "Rautenstraße 8", "99734", "Nordhausen", "retail", 55, 380, "shop_window;ground_floor", True, False),
    ("DEMO-P14", "Ladenfläche in der Steinstraße", "Ebenerdige Fläche in der Altstadt, ideal für Handwerk mit Verkauf.",
     "Steinweg 41", "99974", "Mühlhausen", "retail;craft", 75, 420, "ground_floor;shop_window", False, False),
    ("DEMO-P15", "Atelier am Schillerufer", "Ruhiges Atelier mit Nordlicht nahe der Saale.",
     "Schillerstraße 3", "07407", "Rudolstadt", "studio", 45, 260, "", True, False),
    ("DEMO-P16", "Laden am Markt Saalfeld", "Historisches Ladenlokal mit Gewölbe.",
     "Markt 2", "07318", "Saalfeld", "retail;gastronomy", 90, 640, "ground_floor;storage", False, True),
    ("DEMO-P17", "Büro im Steinweg Suhl", "Büroetage mit Aufzug, Stellplätze im Hof.",
     "Steinweg 14", "98527", "Suhl", "office", 140, 990, "elevator;parking;fiber", False, False),
    ("DEMO-P18", "Ladenlokal am Markt Meiningen", "Schöne Fläche am Markt, Schaufenster zu Fuß- und Radweg.",
     "Markt 9", "98617", "Meiningen", "retail", 65, 560, "shop_window;ground_floor", False, True),
    ("DEMO-P19", "Werkstatt im Pfaffenbach", "Werkstatt mit Kraftstrom, ehemals Schlosserei.",
     "Pfaffenbach 6", "98574", "Schmalkalden", "craft", 150, 700, "ground_floor;storage", False, False),
    ("DEMO-P20", "Laden in der Breiten Straße", "Leerstehender Laden, Eigentümer offen für Zwischennutzung.",
     "Breite Straße 17", "07381", "Pößneck", "retail;culture", 80, None, "ground_floor;shop_window", True, True),
    ("DEMO-P21", "Café am Riedplatz", "Kleines Café mit Küche, Freisitz am Platz.",
     "Ried 2", "99310", "Arnstadt", "gastronomy", 60, 540, "kitchen;outdoor_seating;ground_floor", False, False),
    ("DEMO-P22", "Coworking in der Marktstraße", "Kleine Coworking-Fläche mit Glasfaser, nah an der Universität.",
     "Marktstraße 6", "98693", "Ilmenau", "coworking", 70, 640, "fiber;furnished;meeting_room", False, True),
    ("DEMO-P23", "Praxis am Markt Sondershausen", "Ehemalige Arztpraxis, barrierefrei erreichbar.",
     "Markt 12", "99706", "Sondershausen", "service", 115, 780, "barrier_free;parking", False, False),
    ("DEMO-P24", "Laden in der Bahnhofstraße Apolda", "Laden mit Lager, ideal für Fachhandel.",
     "Bahnhofstraße 20", "99510", "Apolda", "retail", 95, 590, "ground_floor;storage;shop_window", False, True),
    ("DEMO-P25", "Kreativraum am Markt Greiz", "Offener Raum für Ausstellungen und Kurse.",
     "Markt 4", "07973", "Greiz", "culture;studio", 120, 350, "ground_floor", True, False),
    ("DEMO-P26", "Büro im Schloss-Viertel Gotha", "Zwei Büros mit Besprechungsraum in saniertem Altbau.",
     "Schloßberg 2", "99867", "Gotha", "office;service", 75, 690, "meeting_room;fiber", False, False),
]
# A few states of the lifecycle for the demo (set after each import, so seeding stays idempotent).
DEMO_STATUS = {"DEMO-P08": Premises.Status.RESERVED, "DEMO-P26": Premises.Status.DRAFT}

COLOURS = {
    UseType.RETAIL: (196, 90, 60), UseType.OFFICE: (60, 110, 170), UseType.GASTRONOMY: (200, 140, 40),
    UseType.CRAFT: (120, 100, 80), UseType.STUDIO: (150, 80, 160), UseType.COWORKING: (40, 150, 140),
    UseType.SERVICE: (80, 150, 80), UseType.CULTURE: (170, 60, 110),
}


def _offset(external_id: str) -> tuple[float, float]:
    """A small, stable offset from the town centre so markers do not stack."""
    digest = hashlib.sha256(external_id.encode()).digest()
    return (digest[0] - 128) / 128 * 0.004, (digest[1] - 128) / 128 * 0.006


def demo_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for ext, title, description, street, plz, city, uses, area, rent, features, interim, _leg in DEMO:
        place = gazetteer.lookup(city)
        dlat, dlon = _offset(ext)
        writer.writerow([
            ext, title, description, street, plz, city, f"{place.lat + dlat:.5f}", f"{place.lon + dlon:.5f}", uses,
            area, "" if rent is None else rent, "", features, "true" if interim else "false", "",
        ])
    return out.getvalue()


def _tile(premises: Premises) -> bytes:
    """A simple picture per listing: use-type colour, a shop front, the title."""
    colour = COLOURS.get(premises.use_types[0] if premises.use_types else "", (90, 90, 90))
    image = PILImage.new("RGB", (960, 640), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 70) for c in colour)
    draw.rectangle((140, 180, 820, 600), fill=light)  # facade
    draw.rectangle((190, 300, 480, 600), fill=(235, 240, 245))  # shop window
    draw.rectangle((560, 330, 740, 600), fill=(60, 50, 45))  # door
    draw.rectangle((140, 140, 820, 190), fill=(40, 40, 40))  # sign
    draw.text((160, 150), premises.title[:60], fill=(255, 255, 255), font=demo_font(28))
    draw.text((160, 40), f"{premises.city} · {premises.area_sqm:.0f} m²", fill=(255, 255, 255), font=demo_font(40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _ensure_images(external_ids: list[str]) -> int:
    Image = get_image_model()
    created = 0
    for premises in Premises.objects.filter(external_id__in=external_ids, gallery_images__isnull=True):
        name = f"flaeche-{premises.external_id.lower()}.jpg"
        image = Image(title=f"{premises.title} ({premises.city})")
        image.file = ImageFile(io.BytesIO(_tile(premises)), name=name)
        image.save()
        PremisesImage.objects.create(premises=premises, image=image, caption="Symbolbild", sort_order=0)
        created += 1
    return created


def seed(command):
    sample_report = premises_import(source=SAMPLES.read_text(encoding="utf-8"))
    demo_report = premises_import(source=demo_csv())
    for report in (sample_report, demo_report):
        if report.errors:  # the bundled files are valid; fail loudly if they ever are not
            raise RuntimeError("; ".join(str(error) for error in report.errors))
    from partners.models import Partner

    leg = Partner.objects.filter(name__icontains="LEG").order_by("pk").first()
    if leg is not None:
        leg_ids = [row[0] for row in DEMO if row[-1]] + [f"S-P{n:02d}" for n in (1, 2, 5, 8)]
        Premises.objects.filter(external_id__in=leg_ids, lister__isnull=True).update(lister=leg)
    for external_id, status in DEMO_STATUS.items():
        Premises.objects.filter(external_id=external_id).update(status=status)
    all_ids = [f"S-P{n:02d}" for n in range(1, 11)] + [row[0] for row in DEMO]
    images = _ensure_images(all_ids)
    command.stdout.write(
        f"Flächen: {Premises.objects.count()} insgesamt ({sample_report.created + demo_report.created} neu, "
        f"{images} Bilder erzeugt)."
    )
