"""Demo saved searches (confirmed, with consent to be contacted), so the reverse-matching panel
on a listing's admin page and the alerts have something to show. Idempotent (by e-mail address)."""

from __future__ import annotations

from django.utils import timezone

from common import gazetteer
from matching.models import SeekerProfile

# (email, kind, sector, use types, city, radius, area min/max, rent max, features, needs, stage, text)
DEMO = [
    ("demo-cafe@example.org", "founder", "Gastronomie", ["gastronomy"], "Weimar", 20, 60, 140, 1300,
     ["kitchen", "outdoor_seating"], ["business_plan", "microloan"], "founding", "Café mit regionaler Küche"),
    ("demo-buchladen@example.org", "successor", "Buchhandel", ["retail"], "Erfurt", 15, 60, 150, 2000,
     ["shop_window", "ground_floor"], ["succession", "financing"], "succession", "Buchhandlung übernehmen"),
    ("demo-software@example.org", "digital_firm", "Softwareentwicklung", ["office", "coworking"], "Jena", 25, 100, 300,
     3000, ["fiber", "meeting_room"], ["skilled_workers", "location"], "growth", "Büro für ein Team von 15 Personen"),
    ("demo-atelier@example.org", "founder", "Keramik", ["studio", "craft"], "Gera", 30, 40, 120, 700,
     ["storage"], ["interim_use", "networking"], "idea", "Keramikwerkstatt mit kleinem Verkauf"),
]


def seed(command=None):
    now = timezone.now()
    for email, kind, sector, uses, city, radius, area_min, area_max, rent, features, needs, stage, text in DEMO:
        place = gazetteer.lookup(city)
        fields = {
            "kind": kind, "sector": sector, "use_types": uses, "city": place.name,
            "latitude": place.lat, "longitude": place.lon, "radius_km": radius,
            "area_min": area_min, "area_max": area_max, "rent_max": rent, "features": features, "needs": needs,
            "stage": stage, "text": text, "allow_contact": True, "unsubscribed_at": None,
        }
        SeekerProfile.objects.update_or_create(
            email=email, defaults=fields, create_defaults={**fields, "email": email, "confirmed_at": now},
        )
    if command is not None:
        command.stdout.write(f"{len(DEMO)} Demo-Suchprofile angelegt.")
