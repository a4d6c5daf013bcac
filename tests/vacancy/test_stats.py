"""GET /api/v1/stats/vacancy and the dashboard show the same figures, equal to a hand count."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.vacancy.factories import TownFactory, UnitFactory, town_user


@pytest.fixture
def small_register(db):
    """Erfurt: 10 units. Altstadt: 4 retail (1 soon vacant), 1 gastronomy, 3 vacant (10, 20, 100
    days). Anger: 1 office (soon vacant), 1 vacant without a known start. Gera: 2 retail, 1 vacant."""
    today = timezone.localdate()
    erfurt, gera = TownFactory(name="Stadt Erfurt"), TownFactory(name="Stadt Gera")
    for n in range(4):
        UnitFactory(municipality=erfurt, use="retail", soon_vacant_from=today + timedelta(days=90) if n == 0 else None)
    UnitFactory(municipality=erfurt, use="gastronomy")
    for days in (10, 20, 100):
        UnitFactory(municipality=erfurt, use="vacant", vacant_since=today - timedelta(days=days))
    UnitFactory(municipality=erfurt, zone="Anger", use="office", soon_vacant_from=today + timedelta(days=200))
    UnitFactory(municipality=erfurt, zone="Anger", use="vacant", vacant_since=None)
    for _ in range(2):
        UnitFactory(municipality=gera, city="Gera", zone="Innenstadt", use="retail")
    UnitFactory(municipality=gera, city="Gera", zone="Innenstadt", use="vacant", vacant_since=today - timedelta(days=400))
    return erfurt, gera


def test_town_figures_equal_the_hand_count(client, small_register):
    answer = client.get("/api/v1/stats/vacancy", {"city": "Erfurt"}).json()
    assert answer == {
        "units": 10, "vacant": 4, "vacancy_rate": 0.4, "soon_vacant": 2,
        "by_use": {"retail": 4, "office": 1, "gastronomy": 1, "craft": 0, "studio": 0, "coworking": 0, "service": 0,
                   "culture": 0, "vacant": 4},
        "median_vacancy_days": 20,  # of 10, 20, 100 (the unit without a start date does not count)
    }


def test_zone_and_statewide_figures(client, small_register):
    altstadt = client.get("/api/v1/stats/vacancy", {"city": "erfurt", "zone": "Altstadt"}).json()
    assert (altstadt["units"], altstadt["vacant"], altstadt["vacancy_rate"], altstadt["soon_vacant"]) == (8, 3, 0.375, 1)
    state = client.get("/api/v1/stats/vacancy").json()
    assert (state["units"], state["vacant"], state["vacancy_rate"]) == (13, 5, round(5 / 13, 4))
    assert state["by_use"]["retail"] == 6
    assert state["median_vacancy_days"] == 60  # of 10, 20, 100, 400


def test_bad_queries_answer_in_german(client, small_register):
    response = client.get("/api/v1/stats/vacancy", {"zone": "Altstadt"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "zone"
    response = client.get("/api/v1/stats/vacancy", {"city": "Atlantis"})
    assert response.status_code == 400 and "Ortsverzeichnis" in response.json()["errors"][0]["reason"]


def test_dashboard_and_csv_show_the_same_figures(client, small_register):
    erfurt, _gera = small_register
    client.force_login(town_user(erfurt, "erfurt"))
    page = client.get("/leerstand/dashboard/").content.decode()
    assert "Besatz und Leerstand: Erfurt" in page
    assert "40,0 %" in page and ">10<" in page and "20 Tage" in page
    assert "Einzelhandel / Laden" in page and "<svg" in page
    csv_text = client.get("/leerstand/dashboard.csv").content.decode("utf-8-sig")
    assert "Erfurt;Einheiten;10" in csv_text
    assert "Erfurt;leer;4" in csv_text
    assert "Erfurt;Leerstandsquote (%);40,0" in csv_text
    assert "Erfurt;Median Leerstandsdauer (Tage);20" in csv_text
    assert "Erfurt;Nutzung: Leerstand;4" in csv_text
    assert "Gera" not in csv_text
    statewide = client.get("/leerstand/dashboard/", {"ebene": "land"}).content.decode()
    assert "Besatz und Leerstand: Thüringen" in statewide and "38,5 %" in statewide  # 5 of 13
