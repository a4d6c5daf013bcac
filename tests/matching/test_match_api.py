"""POST /api/v1/matches through the embedded search engine: what fits, what nearly fits, what never
shows, and that every German reason agrees with the facts of the listing or offer."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from common.geo import haversine_km
from tests.matching.factories import SupportOfferFactory, index_all
from tests.premises.factories import PartnerFactory, PremisesFactory

pytestmark = pytest.mark.django_db

ERFURT = (50.97734, 11.03536)
WEIMAR = (50.9803, 11.3290)  # ~20.5 km east of Erfurt's centre
GOTHA = (50.9489, 10.7018)  # ~23.5 km west
JENA = (50.9271, 11.5892)  # ~39 km east

BASE = {
    "kind": "founder", "use_types": ["retail"], "location": {"city": "Erfurt"}, "radius_km": 20,
    "area_min": 60, "area_max": 120, "rent_max": 1000,
}


def post(client, **changes):
    body = {**BASE, **changes}
    return client.post("/api/v1/matches", body, content_type="application/json")


def matches(client, **changes):
    response = post(client, **changes)
    assert response.status_code == 200, response.content
    return response.json()


def by_title(items):
    return {item["title"]: item for item in items}


def is_near_miss(item):
    return item["reasons"][0] == "Knapp daneben"


def test_hard_constraints_are_never_a_full_fit_and_far_misses_do_not_show(client):
    PremisesFactory(title="Passt genau", area_sqm=Decimal("80"), rent_month_eur=Decimal("700"))
    PremisesFactory(title="Etwas zu weit", latitude=GOTHA[0], longitude=GOTHA[1])  # 23.5 km: 17 % over
    PremisesFactory(title="Viel zu weit", latitude=JENA[0], longitude=JENA[1])  # 39 km: 95 % over
    PremisesFactory(title="Andere Nutzung", use_types=["office"])
    PremisesFactory(title="Etwas zu teuer", rent_month_eur=Decimal("1150"))  # 15 % over budget
    PremisesFactory(title="Viel zu teuer", rent_month_eur=Decimal("1800"))  # 80 % over budget
    PremisesFactory(title="Entwurf", status="draft")
    index_all()

    found = by_title(matches(client)["premises"])

    assert set(found) == {"Passt genau", "Etwas zu weit", "Etwas zu teuer"}
    assert not is_near_miss(found["Passt genau"])
    assert is_near_miss(found["Etwas zu weit"]) and is_near_miss(found["Etwas zu teuer"])


def test_a_near_miss_ranks_below_every_full_fit_even_with_more_points(client):
    # The full fit earns few points (rent on request, far from the centre, no wished features) ...
    PremisesFactory(title="Knapp passend", rent_month_eur=None, latitude=WEIMAR[0] - 0.02, longitude=WEIMAR[1] - 0.03)
    PremisesFactory(title="Passt gut", features=["shop_window"])
    # ... the near miss has everything but is 10 m² too small.
    PremisesFactory(title="Zu klein, sonst perfekt", area_sqm=Decimal("50"), features=["shop_window", "ground_floor"])
    index_all()

    result = matches(client, features=["shop_window", "ground_floor"])["premises"]

    titles = [item["title"] for item in result]
    assert titles == ["Passt gut", "Knapp passend", "Zu klein, sonst perfekt"]
    near = result[-1]
    assert is_near_miss(near) and near["score"] > result[1]["score"]
    assert not any(is_near_miss(item) for item in result[:2])
    assert all(0 <= item["score"] <= 100 for item in result)


def test_the_engine_narrows_the_candidates_and_the_rules_give_the_order(client):
    PremisesFactory(title="Passt gut", features=["shop_window"], description="Ehemalige Buchhandlung.")
    PremisesFactory(title="Knapp passend", rent_month_eur=None, latitude=WEIMAR[0] - 0.02, longitude=WEIMAR[1] - 0.03)
    PremisesFactory(title="Zu klein, sonst perfekt", area_sqm=Decimal("50"), features=["shop_window"])
    PremisesFactory(title="Etwas zu teuer", rent_month_eur=Decimal("1150"))
    PremisesFactory(title="Viel zu teuer", rent_month_eur=Decimal("1800"))
    index_all()
    request = {"features": ["shop_window"], "text": "Buchhandlung"}

    ranked = matches(client, **request)["premises"]
    assert [item["title"] for item in ranked] == ["Passt gut", "Knapp passend", "Zu klein, sonst perfekt", "Etwas zu teuer"]
    assert matches(client, **request, limit=1)["premises"] == ranked[:1]
    assert matches(client, **request, area_min=5000, area_max=6000)["premises"] == []


def test_every_result_carries_at_least_one_reason(client):
    PremisesFactory(title="Laden A")
    PremisesFactory(title="Laden B", area_sqm=Decimal("130"), rent_month_eur=None)
    SupportOfferFactory(title="Beratung", categories=["business_plan"])
    SupportOfferFactory(title="Kredit", categories=["financing", "microloan"], stages=["founding"])
    index_all()

    for request in ({}, {"needs": ["business_plan", "financing"], "stage": "founding", "text": "Laden"}):
        answer = matches(client, **request)
        assert answer["premises"] and answer["offers"]
        for item in answer["premises"] + answer["offers"]:
            assert item["reasons"] and all(isinstance(r, str) and r for r in item["reasons"])


def test_without_use_types_no_premises_but_offers(client):
    PremisesFactory(title="Laden")
    SupportOfferFactory(title="Beratung")
    index_all()

    answer = matches(client, use_types=[])

    assert answer["premises"] == []
    assert [o["title"] for o in answer["offers"]] == ["Beratung"]


# ---------------------------------------------------------------- one test per reason kind


def test_reason_use_type(client):
    PremisesFactory(title="Laden mit Werkstatt", use_types=["retail", "craft"])
    index_all()
    (item,) = matches(client, use_types=["craft", "gastronomy"])["premises"]
    assert "Nutzung passt: Handwerk / Werkstatt" in item["reasons"]


def test_reason_distance_agrees_with_the_coordinates(client):
    premises = PremisesFactory(title="Laden in Weimar", latitude=WEIMAR[0], longitude=WEIMAR[1])
    PremisesFactory(title="Laden am Anger")
    index_all()

    found = by_title(matches(client, radius_km=25)["premises"])

    distance = haversine_km(ERFURT[0], ERFURT[1], premises.latitude, premises.longitude)
    assert f"{distance:.0f} km vom Wunschort Erfurt" in found["Laden in Weimar"]["reasons"]
    assert "liegt am Wunschort Erfurt" in found["Laden am Anger"]["reasons"]
    # 20.5 km with a 20 km radius: a little too far, said with the kilometres over.
    too_far = by_title(matches(client, radius_km=18)["premises"])["Laden in Weimar"]
    assert is_near_miss(too_far)
    assert f"{distance:.0f} km vom Wunschort Erfurt, {distance - 18:.1f} km weiter als gewünscht".replace(".", ",") in (
        too_far["reasons"]
    )


def test_reason_area(client):
    PremisesFactory(title="Passend", area_sqm=Decimal("95"))
    PremisesFactory(title="Zu klein", area_sqm=Decimal("45"))
    PremisesFactory(title="Zu groß", area_sqm=Decimal("140"))
    index_all()
    found = by_title(matches(client)["premises"])
    assert "95 m² passen zur gewünschten Größe" in found["Passend"]["reasons"]
    assert "15 m² kleiner als gewünscht" in found["Zu klein"]["reasons"]
    assert "20 m² größer als gewünscht" in found["Zu groß"]["reasons"]


def test_reason_rent(client):
    PremisesFactory(title="Im Budget", rent_month_eur=Decimal("950"))
    PremisesFactory(title="Darüber", rent_month_eur=Decimal("1200"))
    PremisesFactory(title="Auf Anfrage", rent_month_eur=None)
    index_all()
    found = by_title(matches(client)["premises"])
    assert "Miete 950 € liegt im Budget" in found["Im Budget"]["reasons"]
    assert "Miete 1.200 € liegt 200 € über dem Budget" in found["Darüber"]["reasons"]
    assert "Miete auf Anfrage" in found["Auf Anfrage"]["reasons"]


def test_reason_features(client):
    PremisesFactory(title="Mit Küche", features=["kitchen", "storage"])
    index_all()
    (item,) = matches(client, features=["kitchen", "outdoor_seating"])["premises"]
    assert "Gastroküche vorhanden; ohne Außenfläche / Freisitz" in item["reasons"]


def test_reason_availability(client):
    later = date.today() + timedelta(days=200)
    PremisesFactory(title="Sofort", available_from=None)
    PremisesFactory(title="Bald", available_from=date.today() + timedelta(days=30))
    PremisesFactory(title="Zu spät", available_from=later)
    index_all()
    wanted_by = date.today() + timedelta(days=90)
    found = by_title(matches(client, available_by=wanted_by.isoformat())["premises"])
    assert "sofort verfügbar" in found["Sofort"]["reasons"]
    soon = date.today() + timedelta(days=30)
    assert f"verfügbar ab {soon:%d.%m.%Y}" in found["Bald"]["reasons"]
    assert f"erst ab {later:%d.%m.%Y} verfügbar, gewünscht bis {wanted_by:%d.%m.%Y}" in found["Zu spät"]["reasons"]


def test_reason_interim_use(client):
    PremisesFactory(title="Auf Zeit", interim_use=True)
    PremisesFactory(title="Nur langfristig", interim_use=False)
    index_all()
    found = by_title(matches(client, interim_use=True)["premises"])
    assert "Zwischennutzung möglich" in found["Auf Zeit"]["reasons"]
    assert "keine Zwischennutzung vorgesehen" in found["Nur langfristig"]["reasons"]
    assert found["Auf Zeit"]["score"] > found["Nur langfristig"]["score"]


def test_reason_free_text_names_the_words_that_matched_in_german_forms(client):
    PremisesFactory(title="Eiscafé am Markt", description="Mit Küche.")
    PremisesFactory(title="Ladenlokal", description="Helle Fläche.")
    index_all()
    found = by_title(matches(client, text="Cafe mit Terrasse")["premises"])
    assert "Beschreibung passt zu: Cafe" in found["Eiscafé am Markt"]["reasons"]
    assert not any(r.startswith("Beschreibung passt") for r in found["Ladenlokal"]["reasons"])
    nonsense = by_title(matches(client, text="xqzvw")["premises"])
    assert not any(r.startswith("Beschreibung passt") for item in nonsense.values() for r in item["reasons"])


def test_reason_free_text_names_the_matched_words_in_the_seekers_order(client):
    PremisesFactory(title="Buchladen mit Schaufenster", description="Ehemalige Buchhandlung.")
    PremisesFactory(title="Ladenlokal", description="Helle Fläche.")
    index_all()
    request = {"text": "Schaufenster, Terrasse und Buchhandlung"}

    found = by_title(matches(client, **request)["premises"])
    assert "Beschreibung passt zu: Schaufenster, Buchhandlung" in found["Buchladen mit Schaufenster"]["reasons"]
    assert not any(r.startswith("Beschreibung passt") for r in found["Ladenlokal"]["reasons"])
    nonsense = matches(client, text="xqzvw")["premises"]
    assert not any(r.startswith("Beschreibung passt") for item in nonsense for r in item["reasons"])


def test_reason_free_text_names_words_found_in_the_labels_of_features(client):
    PremisesFactory(title="Eckladen", description="Helle Fläche.", features=["fiber", "barrier_free"])
    PremisesFactory(title="Ladenlokal", description="Helle Fläche.", features=["shop_window"])
    index_all()
    found = by_title(matches(client, text="Glasfaser barrierefrei")["premises"])
    assert "Beschreibung passt zu: Glasfaser, barrierefrei" in found["Eckladen"]["reasons"]
    assert not any(r.startswith("Beschreibung passt") for r in found["Ladenlokal"]["reasons"])
    nonsense = matches(client, text="xqzvw")["premises"]
    assert not any(r.startswith("Beschreibung passt") for item in nonsense for r in item["reasons"])


def test_reason_free_text(client):
    PremisesFactory(title="Buchladen am Dom", description="Ehemalige Buchhandlung mit Regalen.")
    PremisesFactory(title="Ladenlokal", description="Helle Fläche.")
    index_all()
    found = by_title(matches(client, text="Buchhandlung")["premises"])
    assert "Beschreibung passt zu: Buchhandlung" in found["Buchladen am Dom"]["reasons"]
    assert not any(r.startswith("Beschreibung passt") for r in found["Ladenlokal"]["reasons"])
    assert found["Buchladen am Dom"]["score"] > found["Ladenlokal"]["score"]


def test_reasons_of_offers(client):
    arnstadt = PartnerFactory(name="Stadt Arnstadt")
    SupportOfferFactory(title="Landesweit", categories=["business_plan", "financing"], stages=["growth"])
    SupportOfferFactory(title="Vor Ort", provider=arnstadt, categories=["financing"], statewide=False,
                        municipalities=["Arnstadt"], stages=["founding"])
    SupportOfferFactory(title="Anderer Ort", categories=["financing"], statewide=False, municipalities=["Gera"])
    SupportOfferFactory(title="Andere Zielgruppe", categories=["financing"], target_groups=["successor"])
    SupportOfferFactory(title="Anderes Thema", categories=["awards"])
    index_all()

    answer = matches(client, location={"city": "Arnstadt"}, needs=["business_plan", "financing"], stage="founding")
    found = by_title(answer["offers"])

    assert set(found) == {"Landesweit", "Vor Ort"}
    assert found["Landesweit"]["reasons"] == [
        "richtet sich an Ihre Zielgruppe", "hilft bei: Businessplan und Gründungsberatung, Finanzierung und Förderung",
        "eher für eine andere Phase gedacht", "gilt in ganz Thüringen",
    ]
    assert found["Vor Ort"]["reasons"] == [
        "richtet sich an Ihre Zielgruppe", "hilft bei: Finanzierung und Förderung", "passt zu Ihrer Phase",
        "Angebot vor Ort in Arnstadt",
    ]
    assert found["Vor Ort"]["provider"] == "Stadt Arnstadt"


def test_coordinates_stand_for_the_municipality_of_local_offers(client):
    SupportOfferFactory(title="Lotse Ilmenau", statewide=False, municipalities=["Ilmenau"])
    index_all()
    answer = matches(client, use_types=[], location={"lat": 50.6869, "lon": 10.9142}, needs=["business_plan"])
    assert [o["title"] for o in answer["offers"]] == ["Lotse Ilmenau"]
    assert "Angebot vor Ort in Ilmenau" in answer["offers"][0]["reasons"]



def test_every_change_to_an_offer_or_its_provider_shows_in_the_very_next_match(client):
    """Matches keep the public offers between requests (matching.memo): a change, a new offer, an
    offer withdrawn, expired or deleted, and a provider renamed or deleted are in the very next answer."""
    provider = PartnerFactory(name="IHK Erfurt")
    offer = SupportOfferFactory(title="Gründerberatung", provider=provider)

    def offers(**changes):
        answer = matches(client, use_types=[], **{"needs": ["business_plan"], **changes})
        return [(o["title"], o["provider"], o["reasons"][-1]) for o in answer["offers"]]

    assert offers() == [("Gründerberatung", "IHK Erfurt", "gilt in ganz Thüringen")]
    assert offers(needs=["awards"]) == []

    offer.title, offer.statewide, offer.municipalities = "Gründungsberatung", False, ["Erfurt"]
    offer.save()
    assert offers() == [("Gründungsberatung", "IHK Erfurt", "Angebot vor Ort in Erfurt")]
    offer.categories = ["awards"]
    offer.save()
    assert offers() == [] and offers(needs=["awards"]) == [("Gründungsberatung", "IHK Erfurt", "Angebot vor Ort in Erfurt")]

    offer.categories = ["business_plan"]
    offer.save()
    assert offers() == [("Gründungsberatung", "IHK Erfurt", "Angebot vor Ort in Erfurt")]
    provider.name = "IHK Mittelthüringen"
    provider.save()
    assert offers() == [("Gründungsberatung", "IHK Mittelthüringen", "Angebot vor Ort in Erfurt")]

    SupportOfferFactory(title="Mentoring", provider=provider)
    assert [title for title, *_ in offers()] == ["Gründungsberatung", "Mentoring"]
    offer.live = False
    offer.save()
    assert [title for title, *_ in offers()] == ["Mentoring"]
    offer.live, offer.valid_until = True, date.today() - timedelta(days=1)
    offer.save()
    assert [title for title, *_ in offers()] == ["Mentoring"]
    offer.valid_until = None
    offer.save()
    offer.delete()
    assert [title for title, *_ in offers()] == ["Mentoring"]
    provider.delete()
    assert offers() == [] and offers(kind="successor") == []


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(("changes", "status", "field", "reason"), [
    ({"kind": "astronaut"}, 400, "kind", "Unbekannte Art „astronaut“."),
    ({"use_types": ["castle"]}, 400, "use_types", "Unbekannte Nutzungsart „castle“."),
    ({"features": ["pool"]}, 400, "features", "Unbekannte Ausstattung „pool“."),
    ({"needs": ["luck"]}, 400, "needs", "Unbekannte Kategorie „luck“."),
    ({"stage": "retired"}, 400, "stage", "Unbekannte Phase „retired“."),
    ({"location": {"city": "Atlantis"}}, 400, "location.city", "Den Ort „Atlantis“ kennen wir nicht."),
    ({"location": {"lat": 50.9}}, 400, "location.lon", "Breitengrad (lat) und Längengrad (lon) bitte nur zusammen"),
    ({"location": None, "radius_km": 10}, 400, "radius_km", "Ein Umkreis braucht einen Wunschort."),
    ({"area_min": 200, "area_max": 100}, 400, "area_max", "Die Höchstfläche ist kleiner als die Mindestfläche."),
    ({"radius_km": "weit"}, 422, "radius_km", "Bitte eine Zahl angeben."),
    ({"rent_max": -5}, 422, "rent_max", "Der Wert ist zu klein."),
    ({"available_by": "morgen"}, 422, "available_by", "Bitte ein Datum im Format JJJJ-MM-TT angeben."),
    ({"limit": 1000}, 422, "limit", "Der Wert ist zu groß."),
])
def test_bad_input_names_the_field_and_the_reason_in_german(client, changes, status, field, reason):
    response = post(client, **changes)
    assert response.status_code == status
    (error,) = response.json()["errors"]
    assert error["field"] == field
    assert error["reason"].startswith(reason)


def test_kind_is_required(client):
    response = client.post("/api/v1/matches", {"use_types": ["retail"]}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "kind", "reason": "Pflichtangabe fehlt."}]


def test_matches_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/matches"]["post"]
    assert "requestBody" in operation
    out = schema["components"]["schemas"]["MatchesOut"]["properties"]
    assert set(out) == {"premises", "offers"}
    assert set(schema["components"]["schemas"]["OfferMatchOut"]["properties"]) == {
        "id", "external_id", "title", "provider", "score", "reasons",
    }
