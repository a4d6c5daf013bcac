"""Target mix: the dashboard shows actual against target, and matching's German reasons name
exactly the uses the mix lacks."""

import pytest
from django.db import transaction
from django.test import Client

from tests.matching.factories import index_all
from tests.premises.factories import PremisesFactory
from tests.vacancy.factories import TownFactory, UnitFactory, target_mix, town_user
from vacancy.models import Unit
from vacancy.selectors import mix_gaps

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


def mix_form(mix, shares, **changes):
    """The admin's edit form of ``mix`` with ``shares``: [(share or None, use, percent, delete)]."""
    data = {"municipality": mix.municipality_id, "city": mix.city, "zone": mix.zone, "name": mix.name,
            "shares-TOTAL_FORMS": len(shares), "shares-INITIAL_FORMS": sum(1 for s in shares if s[0]),
            "shares-MIN_NUM_FORMS": 0, "shares-MAX_NUM_FORMS": 1000}
    for i, (share, use, percent, delete) in enumerate(shares):
        data.update({f"shares-{i}-id": share.pk if share else "", f"shares-{i}-use": use,
                     f"shares-{i}-percent": percent, f"shares-{i}-ORDER": i + 1,
                     f"shares-{i}-DELETE": "on" if delete else ""})
    data.update(changes)
    return data


def mix_reasons_of(client, use):
    body = {"kind": "founder", "use_types": [use], "location": {"city": "Erfurt"}, "radius_km": 10}
    found = client.post("/api/v1/matches", body, content_type="application/json").json()["premises"]
    assert [p["title"] for p in found] == ["Café-Fläche Altstadt"]
    return [reason for reason in found[0]["reasons"] if "Zielmix" in reason]


def test_every_change_to_what_the_gaps_read_shows_in_the_very_next_match(client, altstadt):
    """Matches keep the gaps per town between requests (matching.memo): an editor's change to the mix,
    its shares, its name or the units counted is in the very next answer, and so is a deletion."""
    from vacancy.models import TargetMix

    PremisesFactory(title="Café-Fläche Altstadt", use_types=["gastronomy", "retail"])
    index_all()
    editor = Client()
    editor.force_login(town_user(altstadt, "erfurt"))
    mix = TargetMix.objects.get()
    retail, gastronomy, culture = mix.shares.order_by("sort_order")
    url = f"/admin/snippets/vacancy/targetmix/edit/{mix.pk}/"
    assert mix_reasons_of(client, "retail") == []  # 60 % retail against a target of 40 %
    assert mix_reasons_of(client, "gastronomy") == [REASON]

    shares = [(retail, "retail", 70, False), (gastronomy, "gastronomy", 30, False), (culture, "culture", 0, False)]
    assert editor.post(url, mix_form(mix, shares)).status_code == 302
    assert mix_reasons_of(client, "retail") == ["stärkt den Zielmix der Altstadt: Einzelhandel / Laden fehlt"]

    assert editor.post(url, mix_form(mix, shares, name="Erfurter Altstadt")).status_code == 302
    assert mix_reasons_of(client, "retail") == ["stärkt den Zielmix der Erfurter Altstadt: Einzelhandel / Laden fehlt"]

    shares[0] = (retail, "retail", 70, True)
    assert editor.post(url, mix_form(mix, shares, name="Erfurter Altstadt")).status_code == 302
    assert mix_reasons_of(client, "retail") == []
    assert mix_reasons_of(client, "gastronomy") == ["stärkt den Zielmix der Erfurter Altstadt: Gastronomie fehlt"]

    # Units counted: a vacant unit let to a restaurant (1 → 4 of 11 gastronomy = 36.4 % ≥ 30 %).
    for unit in Unit.objects.filter(use="vacant"):
        unit.use, unit.business_name = "gastronomy", "Restaurant"
        unit.save()
    assert mix_reasons_of(client, "gastronomy") == []
    Unit.objects.filter(use="gastronomy", zone="Altstadt").exclude(business_name="Laden").delete()
    assert mix_reasons_of(client, "gastronomy") == ["stärkt den Zielmix der Erfurter Altstadt: Gastronomie fehlt"]

    assert editor.post(f"/admin/snippets/vacancy/targetmix/delete/{mix.pk}/").status_code == 302
    assert mix_reasons_of(client, "gastronomy") == []


def test_a_change_rolled_back_is_not_kept_for_later_matches(client, altstadt):
    """Inside a transaction the gaps are read afresh and never kept: its own change shows in its
    own answers, and nothing of it after the rollback."""
    from vacancy.models import TargetShare

    PremisesFactory(title="Café-Fläche Altstadt", use_types=["gastronomy", "retail"])
    index_all()
    assert mix_reasons_of(client, "retail") == []

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        share = TargetShare.objects.get(use="retail")
        share.percent = 70
        share.save()
        assert mix_reasons_of(client, "retail") == ["stärkt den Zielmix der Altstadt: Einzelhandel / Laden fehlt"]
        raise Rollback
    assert mix_reasons_of(client, "retail") == []



def test_a_write_past_the_signals_shows_within_the_memo_age(client, altstadt, monkeypatch):
    """A bulk update sends no signal (and another host's cache hears of no change): the gaps kept
    between requests are still read afresh once they are older than ``MAX_AGE_SECONDS``."""
    from matching import memo
    from vacancy.models import TargetShare

    PremisesFactory(title="Café-Fläche Altstadt", use_types=["gastronomy", "retail"])
    index_all()
    assert mix_reasons_of(client, "retail") == []
    TargetShare.objects.filter(use="retail").update(percent=70)  # no post_save: the memo is not told
    assert mix_reasons_of(client, "retail") == []  # kept, as designed
    later = memo.monotonic() + memo.MAX_AGE_SECONDS + 1
    monkeypatch.setattr(memo, "monotonic", lambda: later)
    assert mix_reasons_of(client, "retail") == ["stärkt den Zielmix der Altstadt: Einzelhandel / Laden fehlt"]
