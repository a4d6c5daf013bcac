"""The Server-Timing header: how long a response waited for the search engine, and the rest."""

import re

import pytest
from django.test import Client, override_settings

from tests.premises.factories import PremisesFactory

TIMING = re.compile(r'search;dur=([\d.]+);desc="Suchmaschine \((\d+)\)", app;dur=([\d.]+);desc="Anwendung"')


def timing(response):
    found = TIMING.fullmatch(response["Server-Timing"])
    assert found, response["Server-Timing"]
    return float(found[1]), int(found[2]), float(found[3])


@pytest.mark.django_db
@override_settings(SERVER_TIMING=True)
def test_a_search_says_how_long_it_waited_for_the_engine_and_the_home_page_does_not_wait(committed, home_page):
    with committed():
        PremisesFactory(title="Ladenfläche am Anger")
    client = Client()
    found = client.get("/api/v1/premises", {"q": "Ladenfläche"})
    assert found.json()["count"] == 1
    engine_ms, requests, app_ms = timing(found)
    assert requests >= 1 and engine_ms > 0 and app_ms > 0  # the first also asks the engine to split the compound
    assert timing(client.get("/api/v1/premises", {"q": "Ladenfläche"}))[1] == 1  # the split is remembered
    assert client.get("/api/v1/premises", {"q": "Xylqwertzpf"}).json()["count"] == 0
    assert timing(client.get("/"))[:2] == (0.0, 0)


@pytest.mark.django_db
@override_settings(SERVER_TIMING=False)
def test_no_timing_header_unless_switched_on(home_page):
    assert "Server-Timing" not in Client().get("/")
