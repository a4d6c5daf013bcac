"""The public side of the premises register: radius, distances, privacy of the contact, inquiries."""

import pytest
from django.core import mail
from django.urls import reverse

from common.geo import KM_PER_DEGREE_LAT
from premises.models import Premises, PremisesInquiry
from tests.premises.factories import ERFURT, SECRET_CONTACT, PremisesFactory

API = "/api/v1/premises"


def north_of_erfurt(km):
    """A point ``km`` kilometres due north of Erfurt's centre (along the meridian)."""
    return ERFURT[0] + km / KM_PER_DEGREE_LAT, ERFURT[1]


@pytest.fixture
def ring(search_index):
    """Listings at known distances from Erfurt's centre, on both sides of a 10 km boundary (indexed)."""
    listings = {}
    with search_index():
        for km in (0.5, 9.9, 10.1, 25.0):
            lat, lon = north_of_erfurt(km)
            listings[km] = PremisesFactory(title=f"Fläche {km} km", latitude=lat, longitude=lon)
    return listings


@pytest.mark.django_db
def test_radius_includes_listings_inside_and_excludes_those_just_outside(client, ring):
    response = client.get(API, {"lat": ERFURT[0], "lon": ERFURT[1], "radius_km": 10})

    assert response.status_code == 200
    titles = {row["title"] for row in response.json()["results"]}
    assert titles == {"Fläche 0.5 km", "Fläche 9.9 km"}


@pytest.mark.django_db
def test_radius_around_a_named_municipality(client, ring):
    response = client.get(API, {"city": "Erfurt", "radius_km": 10})

    assert {row["title"] for row in response.json()["results"]} == {"Fläche 0.5 km", "Fläche 9.9 km"}


@pytest.mark.django_db
def test_distance_km_is_right_within_one_percent(client, ring):
    response = client.get(API, {"lat": ERFURT[0], "lon": ERFURT[1], "radius_km": 50})

    by_title = {row["title"]: row["distance_km"] for row in response.json()["results"]}
    for km in (9.9, 10.1, 25.0):
        assert by_title[f"Fläche {km} km"] == pytest.approx(km, rel=0.01)


@pytest.mark.django_db
def test_results_are_ordered_by_distance_when_a_place_is_given(client, ring):
    response = client.get(API, {"lat": ERFURT[0], "lon": ERFURT[1], "radius_km": 50})

    distances = [row["distance_km"] for row in response.json()["results"]]
    assert len(distances) == 4
    assert distances == sorted(distances)


@pytest.mark.django_db
def test_no_distance_without_a_place(client, ring):
    response = client.get(API)

    assert response.json()["count"] == 4
    assert all("distance_km" not in row for row in response.json()["results"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"radius_km": 10}, "radius_km"),
        ({"city": "Atlantis"}, "city"),
        ({"lat": 51.0}, "lon"),
        ({"area_min": "viel"}, "area_min"),
        ({"use_type": "raumschiff"}, "use_type"),
    ],
)
def test_bad_filters_answer_400_with_field_and_german_reason(client, params, field):
    response = client.get(API, params)

    assert response.status_code in (400, 422)  # 422: not even of the declared type (contract: 400/422)
    error = response.json()["errors"][0]
    assert error["field"] == field
    assert error["reason"] and "error" not in error["reason"].lower()


@pytest.mark.django_db
def test_listings_that_are_not_on_offer_stay_private(client, search_index):
    with search_index():
        shown = PremisesFactory(title="Veröffentlicht")
        hidden = [PremisesFactory(title=f"Nicht öffentlich {status}", status=status)
                  for status in (Premises.Status.DRAFT, Premises.Status.LET, Premises.Status.EXPIRED)]

    titles = {row["title"] for row in client.get(API).json()["results"]}
    assert titles == {shown.title}
    assert client.get(reverse("premises:list")).status_code == 200
    for listing in hidden:
        assert client.get(listing.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_the_contact_address_never_appears_publicly(client, search_index):
    with search_index():
        listing = PremisesFactory(contact_email=SECRET_CONTACT, title="Laden mit geheimer Adresse")

    assert SECRET_CONTACT not in client.get(reverse("premises:map")).content.decode()
    pages = [
        client.get(reverse("premises:list")),
        client.get(reverse("premises:markers")),
        client.get(listing.get_absolute_url()),
        client.get(API),
        client.get(API, {"city": "Erfurt", "radius_km": 5}),
    ]
    for response in pages:
        assert response.status_code == 200
        assert "Laden mit geheimer Adresse" in response.content.decode()  # the listing is there ...
        assert SECRET_CONTACT not in response.content.decode()  # ... its contact address is not


def inquiry(**overrides):
    data = {
        "name": "Jana Gründerin",
        "email": "jana@example.org",
        "phone": "",
        "message": "Ich interessiere mich für die Fläche für ein Café.",
        "privacy": "on",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_a_valid_inquiry_is_stored_and_mailed_to_the_contact(client):
    listing = PremisesFactory()

    response = client.post(listing.get_absolute_url(), inquiry(), follow=True)

    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    stored = PremisesInquiry.objects.get()
    assert stored.premises == listing and stored.mailed_to_contact
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [SECRET_CONTACT]
    assert mail.outbox[0].reply_to == ["jana@example.org"]
    assert "Café" in mail.outbox[0].body
    assert SECRET_CONTACT not in response.content.decode()


@pytest.mark.django_db
def test_an_invalid_inquiry_is_refused_with_german_messages(client):
    listing = PremisesFactory()

    response = client.post(listing.get_absolute_url(), inquiry(email="keine-adresse", privacy=""))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte eine gültige E-Mail-Adresse angeben." in page
    assert "Bitte stimmen Sie der Weitergabe Ihrer Angaben zu." in page
    assert not PremisesInquiry.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_the_honeypot_stops_bots(client):
    listing = PremisesFactory()

    response = client.post(listing.get_absolute_url(), inquiry(website="http://spam.example"))

    assert response.status_code == 400
    assert not PremisesInquiry.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_the_sixth_inquiry_within_a_minute_from_one_address_is_refused(client):
    listing = PremisesFactory()

    answers = [client.post(listing.get_absolute_url(), inquiry(), REMOTE_ADDR="203.0.113.7").status_code
               for _ in range(6)]
    other_address = client.post(listing.get_absolute_url(), inquiry(), REMOTE_ADDR="198.51.100.1")

    assert answers == [302] * 5 + [429]
    assert PremisesInquiry.objects.count() == 6  # five from the first address, one from the other
    assert other_address.status_code == 302
    assert len(mail.outbox) == 6


@pytest.mark.django_db
def test_the_listing_page_offers_its_pdf_expose_with_the_same_facts(client):
    listing = PremisesFactory(title="Eckladen am Anger", area_sqm=120, rent_month_eur=1850)

    page = client.get(listing.get_absolute_url()).content.decode()
    expose = client.get(f"/leerstand/expose/{listing.pk}/").content.decode()

    assert f"/leerstand/expose/{listing.pk}.pdf" in page
    for fact in ("120 m²", "1.850 € pro Monat", "Einzelhandel"):
        assert fact in page and fact in expose


@pytest.fixture
def shops(search_index):
    with search_index():
        return [
            PremisesFactory(title="Eckladen am Anger", city="Erfurt", use_types=["retail"], area_sqm=120,
                            rent_month_eur=1850, features=["shop_window"]),
            PremisesFactory(title="Büro in Jena", city="Jena", latitude=50.9272, longitude=11.5892,
                            use_types=["office"], area_sqm=60, rent_month_eur=700, features=["fiber"]),
            PremisesFactory(title="Café am Markt", city="Jena", latitude=50.9280, longitude=11.5880,
                            use_types=["gastronomy"], area_sqm=90, rent_month_eur=None, features=["kitchen"],
                            interim_use=True),
        ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"city": "Jena"}, {"Büro in Jena", "Café am Markt"}),
        ({"use_type": ["office", "retail"]}, {"Büro in Jena", "Eckladen am Anger"}),
        ({"feature": "kitchen"}, {"Café am Markt"}),
        ({"area_min": 70, "area_max": 100}, {"Café am Markt"}),
        ({"rent_max": 800}, {"Büro in Jena"}),  # "on request" cannot prove to fit a budget
        ({"interim_use": "true"}, {"Café am Markt"}),
        ({"q": "Buero"}, {"Büro in Jena"}),
        ({"q": "Cafe Jena"}, {"Café am Markt"}),
        ({"q": "xqzvw"}, set()),
    ],
)
def test_every_filter_narrows_the_list_exactly(client, shops, params, titles):
    response = client.get(API, params)

    assert response.status_code == 200
    assert {row["title"] for row in response.json()["results"]} == titles
    assert response.json()["count"] == len(titles)


@pytest.mark.django_db
def test_facets_count_the_filtered_listings(client, shops):
    facets = client.get(API, {"city": "Jena"}).json()["facets"]

    assert facets["city"] == [{"value": "Jena", "label": "Jena", "count": 2}]
    assert {(f["value"], f["count"]) for f in facets["use_types"]} == {("office", 1), ("gastronomy", 1)}
    assert {f["label"] for f in facets["features"]} >= {"Glasfaser"}


@pytest.mark.django_db
def test_pages_are_stable_and_complete(client, search_index):
    with search_index():
        for number in range(25):
            PremisesFactory(title=f"Laden {number:02d}")

    seen = []
    for page in (1, 2, 3):
        seen += [row["id"] for row in client.get(API, {"page": page, "page_size": 10}).json()["results"]]

    assert len(seen) == 25 and len(set(seen)) == 25


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "order"),
    [
        ({"sort": "rent"}, ["Büro in Jena", "Eckladen am Anger", "Café am Markt"]),  # on request last
        ({"sort": "area"}, ["Eckladen am Anger", "Café am Markt", "Büro in Jena"]),
        ({"sort": "distance", "city": "Jena", "radius_km": 50}, ["Café am Markt", "Büro in Jena", "Eckladen am Anger"]),
    ],
)
def test_results_sort_by_rent_area_or_distance(client, shops, params, order):
    response = client.get(API, params)

    assert [row["title"] for row in response.json()["results"]] == order


@pytest.mark.django_db
def test_an_unknown_sort_is_refused_in_german(client):
    response = client.get(API, {"sort": "beliebt"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "sort"


@pytest.mark.django_db
def test_the_public_list_sorts_and_filters_through_the_url(client, shops):
    page = client.get(reverse("premises:list"), {"city": "Jena", "sort": "area"}).content.decode()

    assert page.index("Café am Markt") < page.index("Büro in Jena")
    assert "Eckladen am Anger" not in page
    assert '<option value="area" selected>' in page
