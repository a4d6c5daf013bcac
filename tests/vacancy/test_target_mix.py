"""Target mix: the dashboard shows actual against target, and matching's German reasons name
exactly the uses the mix lacks."""

import pytest

from matching.vacancy.selectors import mix_gaps
from tests.matching.factories import PremisesFactory
from tests.matching.seeker_factories import index_all
from tests.vacancy.factories import TownFactory, UnitFactory, target_mix, town_user

pytestmark = pytest.mark.django_db

REASON = "stärkt den Zielmix der Altstadt: Gastronomie fehlt"


@pytest.fixture
def altstadt():
    """Altstadt of Erfurt: 6 retail, 1 gastronomy, 3 vacant (10 units). Target: retail 40 %,
    gastronomy 30 %, culture 10 %. Actual: retail 60 %, gastronomy 10 %, culture 0 %."""
    town = TownFactory(name="Stadt Erfurt")
    for use, n in (("retail", 6), ("gastronomy", 1), ("vacant", 3)):
        for _ in range(n):
            UnitFactory(municipality=town, use=use)
    UnitFactory(municipality=town, zone="Anger", use="gastronomy")  # another zone: not in the Altstadt's mix
    target_mix(town, "Erfurt", {"retail": 40, "gastronomy": 30, "culture": 10})
    return town


def test_gaps_and_dashboard_agree_with_the_mix(client, altstadt):
    gaps = {row.use: (row.actual, row.target) for _mix, row in mix_gaps("Erfurt")}
    assert gaps == {"gastronomy": (10.0, 30), "culture": (0.0, 10)}  # retail is above its target
    client.force_login(town_user(altstadt, "erfurt"))
    page = client.get("/leerstand/dashboard/").content.decode()
    assert "Zielmix der Altstadt: Ist und Ziel" in page
    assert "Ist 10,0 % / Ziel 30 %" in page and "Ist 60,0 % / Ziel 40 %" in page
    assert "Es fehlt:</strong> Gastronomie (20,0 Prozentpunkte), Kultur / Veranstaltung (10,0 Prozentpunkte)" in page


def test_matching_reasons_name_the_lacking_use_only(client, altstadt):
    PremisesFactory(title="Café-Fläche Altstadt", use_types=["gastronomy", "retail"])
    index_all()
    body = {"kind": "founder", "use_types": ["gastronomy"], "location": {"city": "Erfurt"}, "radius_km": 10}
    found = client.post("/api/v1/matches", body, content_type="application/json").json()["premises"]
    assert found and REASON in found[0]["reasons"]

    body["use_types"] = ["retail"]  # retail is above target: no mix reason
    found = client.post("/api/v1/matches", body, content_type="application/json").json()["premises"]
    assert found and not any("Zielmix" in reason for reason in found[0]["reasons"])

    # Once the Altstadt reaches its gastronomy target, the reason goes away.
    for _ in range(4):
        UnitFactory(municipality=altstadt, use="gastronomy")  # 5 of 14 = 35.7 % ≥ 30 %
    body["use_types"] = ["gastronomy"]
    found = client.post("/api/v1/matches", body, content_type="application/json").json()["premises"]
    assert found and not any("Zielmix" in reason for reason in found[0]["reasons"])
