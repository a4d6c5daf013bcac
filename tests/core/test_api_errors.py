"""Every API refuses bad input in German with the field and the reason, never with a 500."""

import pytest

POST_ENDPOINTS = ["/api/v1/matches", "/api/v1/vacancy-reports"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", POST_ENDPOINTS)
@pytest.mark.parametrize("body", ["{kein json", "[1, 2", "\x00\x01", "null"])
def test_a_body_that_is_not_json_gets_a_german_answer(client, url, body):
    response = client.post(url, body, content_type="application/json")

    assert response.status_code in (400, 422)
    errors = response.json()["errors"]
    assert errors and all(error["field"] and error["reason"] for error in errors)
    assert "Cannot" not in response.content.decode()


@pytest.mark.django_db
def test_the_openapi_schema_lists_every_public_endpoint(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    for path in ["/api/v1/premises", "/api/v1/offers", "/api/v1/matches", "/api/v1/measures", "/api/v1/kompass",
                 "/api/v1/stats/vacancy", "/api/v1/vacancy-reports"]:
        assert path in paths
    assert not any(path.startswith("/api/v1/intern") for path in paths)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/premises", "/api/v1/offers", "/api/v1/measures"])
def test_a_page_number_beyond_any_list_is_refused_in_german(client, url):
    """Issue 21.16: such a page answered 500 (the offset overflowed the database's integers)."""
    response = client.get(url, {"page": "922337203685477580"})

    assert response.status_code == 422
    assert {"field": "page", "reason": "Der Wert ist zu groß."}.items() <= response.json()["errors"][0].items()
    assert client.get(url, {"page": "2"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("method, url, data", [
    ("get", "/api/v1/measures", {"q": "Hitze\x00"}),
    ("get", "/api/v1/stats/vacancy", {"city": "Erfurt\x00"}),
    ("post_json", "/api/v1/vacancy-reports", '{"city": "Erfurt\\u0000", "street": "Anger", "house_number": "1"}'),
    ("get", "/flaechen/", {"q": "Laden\x01"}),
    ("post", "/suche/", {"q": "x\x00"}),
])
def test_control_characters_are_refused_in_german_everywhere(client, method, url, data):
    """Issue 21.10: a NUL byte answered 500 on PostgreSQL."""
    if method == "post_json":
        response = client.post(url, data, content_type="application/json")
    else:
        response = getattr(client, method)(url, data)
    assert response.status_code == 400
    assert "Steuerzeichen" in response.content.decode()
    assert client.get("/api/v1/measures", {"q": "Hitze"}).status_code == 200  # the same without them
