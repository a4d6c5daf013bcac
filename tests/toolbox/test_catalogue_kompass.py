"""The measure catalogue (listing filters, print view, GET /api/v1/measures) and the Kompass
Leerstandsbewältigung (guided page, GET /api/v1/kompass), on the seeded demo content."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from common.vocabularies import KompassProblem
from partners.models import Partner, SupportOffer
from toolbox import demo
from toolbox.models import KompassRequestCount, MeasureIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(home_page):
    demo.seed_measures(home_page)
    demo.seed_good_practices(home_page)
    demo.seed_kompass()
    return MeasureIndexPage.objects.get()


def api(client, path, **params):
    return client.get(f"/api/v1/{path}", params)


def test_measures_api_answers_as_the_contract_says(client, seeded):
    body = api(client, "measures", page_size=100).json()
    codes = [r["code"] for r in body["results"]]
    assert body["count"] == 14 and {"B1", "B3", "B4"} <= set(codes)
    b4 = next(r for r in body["results"] if r["code"] == "B4")
    assert b4["title"] == "Sensibilisierung der allgemeinen Bevölkerung"
    assert (b4["strategy"], b4["level"], b4["effort"], b4["cost"]) == ("information", "advanced", "medium", "low")
    assert b4["funding"][0] == {"via": "Thüringer Aufbaubank", "programme": "Klima-Invest (Kompetenzaufbau)", "share": "80 %"}
    assert b4["url"].startswith("http") and "b4-sensibilisierung" in b4["url"]
    strategies = {r["strategy"] for r in body["results"]}
    assert strategies == {"information", "vulnerable_groups", "acute", "shade_green", "water", "buildings", "planning"}


def test_measures_api_filters_and_pages(client, seeded):
    info = api(client, "measures", strategy="information").json()
    assert sorted(r["code"] for r in info["results"]) == ["B1", "B3", "B4"]
    both = client.get("/api/v1/measures?strategy=water&strategy=acute&cost=low").json()
    assert sorted(r["code"] for r in both["results"]) == ["A1", "A2"]
    assert [r["code"] for r in api(client, "measures", q="Plakate").json()["results"]] == ["B4"]
    assert api(client, "measures", q="Quatschwortxyz").json() == {"count": 0, "results": []}
    advanced_high = api(client, "measures", level="advanced", effort="high").json()
    assert sorted(r["code"] for r in advanced_high["results"]) == ["H1", "P1", "V2", "W2"]
    page2 = api(client, "measures", page_size=5, page=2).json()
    assert page2["count"] == 14 and len(page2["results"]) == 5


@pytest.mark.parametrize(
    "params,field",
    [({"strategy": "hitze"}, "strategy"), ({"level": "expert"}, "level"), ({"effort": "x"}, "effort"),
     ({"cost": "teuer"}, "cost"), ({"page": 0}, "page"), ({"page_size": 1000}, "page_size")],
)
def test_measures_api_rejects_unknown_codes_in_german(client, db, params, field):
    response = api(client, "measures", **params)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == field
    assert any(word in error["reason"] for word in ("Unbekannter Wert", "Bitte", "Seite"))


def test_catalogue_listing_filters_by_url_and_has_a_print_view(client, seeded):
    html = client.get(seeded.url + "?strategy=water&q=Trinkwasserbrunnen").content.decode()
    assert "Öffentliche Trinkwasserbrunnen" in html and "Wasserspiele" not in html
    assert reverse("toolbox:measures_print") + "?strategy=water&amp;q=Trinkwasserbrunnen" in html
    unknown = client.get(seeded.url + "?strategy=quatsch").content.decode()
    assert "Unbekannter Wert „quatsch“ für Strategie wurde ignoriert." in unknown

    printed = client.get(reverse("toolbox:measures_print") + "?strategy=information").content.decode()
    assert "Sensibilisierung der allgemeinen Bevölkerung" in printed and "Klima-Invest (Kompetenzaufbau)" in printed
    assert "Zusammentragen von Informationsmaterialien" in printed and "Trinkwasserbrunnen" not in printed
    assert '<button type="button" data-print>Drucken</button>' in printed and "/static/js/site.js" in printed


@pytest.fixture
def offers(db):
    provider = Partner.objects.create(name="LEG Thüringen", kind=Partner.Kind.STATE_AGENCY)
    fitting = SupportOffer.objects.create(
        provider=provider, external_id="S-O03", title="Ansiedlungsservice für Unternehmen", categories=["location", "financing"],
        target_groups=["established"], statewide=True, live=True,
    )
    SupportOffer.objects.create(provider=provider, external_id="S-X", title="Digitalisierungssprechtag",
                                categories=["digitalization"], target_groups=["established"], statewide=True, live=True)
    return fitting


def test_kompass_small_town_with_ground_floor_vacancy(client, seeded, offers):
    from premises.models import Premises

    Premises.objects.create(external_id="P-1", title="Ladenlokal am Markt", city="Eisenach", latitude=50.97, longitude=10.32,
                            use_types=["retail"], area_sqm=80, status="published")
    body = api(client, "kompass", town_type="small_town", problem="ground_floor_vacancy", city="Eisenach").json()
    first = body["instruments"][0]
    assert first["code"] == "interim_lease" and first["title"] == "Zwischenmiete / Zwischennutzung"
    assert any("Eigentümer muss" in hurdle for hurdle in first["hurdles"])
    assert "Hilft bei: Leerstand im Erdgeschoss" in first["reasons"] and first["score"] == 100
    assert [i["score"] for i in body["instruments"]] == sorted((i["score"] for i in body["instruments"]), reverse=True)
    assert {"title": "Goldschmiede Eisenach"} .items() <= body["examples"][0].items()
    assert body["examples"][0]["url"].endswith("/fallbeispiele/goldschmiede-eisenach/")
    assert [o["title"] for o in body["offers"]] == ["Ansiedlungsservice für Unternehmen"]
    assert body["offers"][0] == {"id": offers.pk, "external_id": "S-O03", "title": "Ansiedlungsservice für Unternehmen",
                                 "provider": "LEG Thüringen"}
    assert [p["title"] for p in body["premises"]] == ["Ladenlokal am Markt"]
    # without a city no premises
    assert api(client, "kompass", town_type="small_town", problem="ground_floor_vacancy").json()["premises"] == []
    # the same visitor asked twice: counted once (issue 21.24)
    assert KompassRequestCount.objects.get(problem="ground_floor_vacancy", town_type="small_town").count == 1


def test_reloading_the_kompass_does_not_inflate_its_statistics(client, seeded):
    """Issue 21.24: anyone could push a problem situation up the statistics by reloading."""
    params = {"town_type": "small_town", "problem": "ground_floor_vacancy"}
    for _ in range(30):
        assert client.get(reverse("toolbox:kompass"), params).status_code == 200
        assert api(client, "kompass", **params).status_code == 200
    assert KompassRequestCount.objects.get(problem="ground_floor_vacancy", town_type="small_town").count == 1
    client.get(reverse("toolbox:kompass"), params, REMOTE_ADDR="10.0.0.9")  # another visitor counts
    assert KompassRequestCount.objects.get(problem="ground_floor_vacancy", town_type="small_town").count == 2
    for problem, _label in KompassProblem.choices:  # one visitor counts ten situations a day at most
        client.get(reverse("toolbox:kompass"), {"town_type": "city", "problem": problem}, REMOTE_ADDR="10.0.0.7")
    assert KompassRequestCount.objects.filter(town_type="city").count() == min(10, len(KompassProblem.choices))


@pytest.mark.parametrize(
    "params,field",
    [({"town_type": "metropole", "problem": "financing"}, "town_type"),
     ({"town_type": "city", "problem": "langeweile"}, "problem"),
     ({"problem": "financing"}, "town_type"),
     ({"town_type": "city"}, "problem")],
)
def test_kompass_api_rejects_bad_input(client, db, params, field):
    response = api(client, "kompass", **params)
    assert response.status_code in (400, 422)
    assert response.json()["errors"][0]["field"] == field


def test_kompass_page_guides_and_shares_by_url(client, seeded, offers):
    url = reverse("toolbox:kompass")
    start = client.get(url).content.decode()
    assert "Welcher Stadttyp sind Sie?" in start and "Leerstand im Erdgeschoss" in start

    html = client.get(url + "?town_type=small_town&problem=ground_floor_vacancy&problem=upper_floor_vacancy").content.decode()
    assert "Ergebnis für: Kleinstadt" in html
    assert html.index("Zwischenmiete / Zwischennutzung") < html.index("Wohnungsbauförderung")
    assert "Eigentümer muss dem potentiellen Mieter / Nutzer zustimmen" in html
    assert "Leergut-Agenten" in html and "Goldschmiede Eisenach" in html
    assert "Ansiedlungsservice für Unternehmen" in html and "Ergebnis drucken" in html

    bad = client.get(url + "?town_type=metropole&problem=ground_floor_vacancy")
    assert bad.status_code == 400 and "Unbekannter Stadttyp „metropole“" in bad.content.decode()
    missing = client.get(url + "?town_type=city")
    assert missing.status_code == 400 and "Bitte wählen Sie mindestens eine Problemlage." in missing.content.decode()


def test_kompass_statistics_for_editors_only(client, seeded, admin_user):
    client.get(reverse("toolbox:kompass") + "?town_type=village&problem=missing_retail")
    stats_url = reverse("toolbox_kompass_stats")
    assert client.get(stats_url).status_code == 302  # anonymous: admin login
    client.force_login(admin_user)
    html = client.get(stats_url).content.decode()
    assert "fehlender Einzelhandel / Nahversorgung" in html and "<td>1</td>" in html


def test_seed_demo_is_idempotent_and_adds_the_demo_plan(seeded, settings):
    call_command("seed_demo")
    call_command("seed_demo", force=True)
    from toolbox.models import HeatPlan, KompassInstrumentEntry, MeasurePage

    assert MeasurePage.objects.count() == 14 and KompassInstrumentEntry.objects.count() == 9
    plan = HeatPlan.objects.get(municipality__name=demo.DEMO_MUNICIPALITY)
    assert plan.worksheets.count() == 3
    assert plan.worksheets.get(measure__code="B4").project_sketch.startswith("Die Stadt Schmalkalden")
    assert plan.municipality.memberships.filter(user__username=demo.DEMO_MUNICIPALITY_LOGIN[0]).exists()


def test_editors_maintain_kompass_instruments_in_the_admin(client, seeded, admin_user):
    from toolbox.models import KompassInstrumentEntry

    KompassInstrumentEntry.objects.filter(instrument="disposal_fund").delete()
    client.force_login(admin_user)
    add_url = "/admin/snippets/toolbox/kompassinstrumententry/add/"
    form = client.get(add_url).content.decode()
    assert 'type="checkbox"' in form and "Landgemeinde" in form and "Zwischennutzung" in form
    data = {
        "instrument": "disposal_fund", "approach": "Verfügungsfonds im Quartier", "description": "", "hurdles": "Kofinanzierung",
        "experiences": "Schnelle kleine Projekte", "measures": "", "sponsor": "Geschäftsstelle", "problems": ["missing_retail"],
        "town_types": ["village"], "offer_categories": ["financing"], "sort_order": "5",
    }
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = KompassInstrumentEntry.objects.get(instrument="disposal_fund")
    assert entry.problems == ["missing_retail"] and entry.town_types == ["village"] and entry.sponsor == "Geschäftsstelle"
    body = api(client, "kompass", town_type="village", problem="missing_retail").json()
    assert body["instruments"][0]["code"] == "disposal_fund" and body["instruments"][0]["hurdles"] == ["Kofinanzierung"]


def test_measures_kompass_and_examples_are_found_by_the_site_search(client, seeded, search_index):
    with search_index():
        demo.seed_kompass()
    call_command("search_index", "--rebuild", "--only", "pages", verbosity=0)
    from toolbox.models import KompassPage

    kompass_page = KompassPage.objects.get()
    assert client.get(kompass_page.url + "?town_type=city")["Location"] == reverse("toolbox:kompass") + "?town_type=city"

    def found(q):  # the result page's text; highlight marks removed
        return client.get("/suche/", {"q": q}).content.decode().replace("<mark>", "").replace("</mark>", "")

    assert "Kompass Leerstandsbewältigung" in found("Zwischenmiete")
    assert "Öffentliche Trinkwasserbrunnen" in found("Trinkwasserbrunnen")
    assert "Goldschmiede Eisenach" in found("Goldschmiede")
    nothing = found("Xylophonquatschwort")
    assert "Kompass Leerstandsbewältigung" not in nothing and "Trinkwasserbrunnen" not in nothing
