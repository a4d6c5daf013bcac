"""Whatever a visitor types, every search surface answers 200 or 4xx, never 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.premises.factories import PremisesFactory

SURFACES = ("/suche/", "/suche/autocomplete", "/flaechen/", "/api/v1/premises", "/api/v1/offers")

SYNTAX = st.sampled_from([
    '"', "'", "(", ")", "[", "]", "{", "}", "*", "?", "\\", "/", ":", "~", "^", "!", "&&", "||", "AND", "OR", "NOT",
    '{"query":{"match_all":{}}}', "<script>alert(1)</script>", "🏠", "\u200b", "ß", "Büro", " ",
])
HOSTILE = st.one_of(
    st.text(max_size=300),
    st.lists(SYNTAX, max_size=30).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=50).map(lambda s: s * 200),
)


@pytest.fixture
def listing(db, committed):
    with committed():
        return PremisesFactory(title="Bürofläche am Anger")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=HOSTILE)
def test_no_query_makes_a_search_surface_fail(client, listing, q):
    for url in SURFACES:
        answer = client.get(url, {"q": q})
        assert answer.status_code < 500, (url, q[:80], answer.status_code)


def test_ten_kilobytes_of_text(client, listing):
    for url in SURFACES:
        assert client.get(url, {"q": "Büro " * 2000}).status_code < 500
    assert "Bürofläche" in client.get("/suche/", {"q": "Büro " * 2000}).content.decode()
    assert "Keine Treffer" in client.get("/suche/", {"q": "Xylqwertzpf " * 2000}).content.decode()
