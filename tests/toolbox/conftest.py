import pytest

from tests.toolbox import factories


@pytest.fixture
def b4(home_page):
    return factories.MeasurePageFactory(
        code="B4",
        title="Sensibilisierung der allgemeinen Bevölkerung",
        strategy="information",
        level="advanced",
        effort="medium",
        cost="low",
        funding=[
            ("Thüringer Aufbaubank", "Klima-Invest (Kompetenzaufbau)", "80 %"),
            ("ZUG", "Förderung von Maßnahmen zur Anpassung an die Folgen des Klimawandels", "50-90 %"),
        ],
        steps=["Zusammentragen von Informationsmaterialien", "Weiterleiten von Materialien über verschiedene Medienkanäle"],
    )


@pytest.fixture
def towns(db):
    """Two municipalities with one person each."""
    a = factories.MunicipalityFactory(name="Stadt Arnstadt")
    b = factories.MunicipalityFactory(name="Stadt Bleicherode")
    return {
        "a": a,
        "b": b,
        "user_a": factories.municipality_person(a, "arnstadt"),
        "user_b": factories.municipality_person(b, "bleicherode"),
    }
