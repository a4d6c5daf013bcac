"""Early warning: soon-vacant units by date, with fitting saved seekers proposed before the space
is empty; successors first where the business can be taken over."""

from datetime import date, timedelta

import pytest

from tests.matching.factories import SeekerProfileFactory
from tests.vacancy.factories import TownFactory, UnitFactory, target_mix, town_user

pytestmark = pytest.mark.django_db


def test_fitting_successor_is_proposed_first_before_the_vacancy_date(client):
    town = TownFactory(name="Stadt Erfurt")
    vacancy_date = date.today() + timedelta(days=120)
    later = UnitFactory(municipality=town, street="Anger", house_number="9", use="office", business_name="Kanzlei",
                        soon_vacant_from=date.today() + timedelta(days=300))
    cafe = UnitFactory(municipality=town, street="Fischmarkt", house_number="5", use="gastronomy",
                       business_name="Café Krämer", area_sqm=90, soon_vacant_from=vacancy_date,
                       soon_vacant_reason="retirement", takeover_possible=True)
    founder = SeekerProfileFactory(kind="founder", use_types=["gastronomy"], sector="Bistro Gründerin")
    successor = SeekerProfileFactory(kind="successor", use_types=["gastronomy"], sector="Café-Nachfolge",
                                     area_min=70, area_max=120)
    SeekerProfileFactory(kind="founder", use_types=["gastronomy"], city="Gera", latitude=50.88029,
                         longitude=12.08187, radius_km=10, sector="Zu weit weg")
    SeekerProfileFactory(kind="founder", use_types=["craft"], sector="Falsche Nutzung")

    client.force_login(town_user(town, "erfurt"))
    page = client.get("/leerstand/fruehwarnung/").content.decode()
    # By date: the café first, the office later.
    assert page.index("Fischmarkt 5") < page.index("Anger 9")
    cafe_block = page[page.index(f"{vacancy_date:%d.%m.%Y} · Fischmarkt 5"):page.index("Anger 9")]
    assert "noch 120 Tage" in cafe_block
    assert "Café-Nachfolge" in cafe_block and "Bistro Gründerin" in cafe_block
    assert cafe_block.index("Café-Nachfolge") < cafe_block.index("Bistro Gründerin")
    assert "könnte den Betrieb Café Krämer übernehmen" in cafe_block
    assert "Zu weit weg" not in page and "Falsche Nutzung" not in page
    assert successor.pk and founder.pk and later.pk and cafe.pk


def test_without_takeover_the_best_fit_comes_first_and_mix_gaps_rank_higher(client):
    town = TownFactory(name="Stadt Erfurt")
    UnitFactory(municipality=town, use="retail")
    target_mix(town, "Erfurt", {"retail": 40, "gastronomy": 30})
    unit = UnitFactory(municipality=town, street="Domplatz", house_number="2", use="retail", business_name="Modehaus",
                       soon_vacant_from=date.today() + timedelta(days=30))
    SeekerProfileFactory(kind="successor", use_types=["retail"], sector="Mode-Nachfolge")
    SeekerProfileFactory(kind="founder", use_types=["gastronomy"], sector="Weinbar")
    client.force_login(town_user(town, "erfurt"))
    page = client.get("/leerstand/fruehwarnung/").content.decode()
    block = page[page.index("Domplatz 2"):]
    # No takeover possible: the gastronomy founder (the mix lacks gastronomy) ranks above.
    assert block.index("Weinbar") < block.index("Mode-Nachfolge")
    assert "stärkt den Zielmix der Altstadt: Gastronomie fehlt" in block
    assert "könnte den Betrieb" not in block
    assert unit.pk
