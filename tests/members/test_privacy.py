"""Private by construction: restricted pages and the area's documents never reach the public surfaces."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from wagtail.models import PageViewRestriction

from members import services
from tests.alliance.factories import NewsPageFactory

PRIVATE_WORD = "Zwetschgenkrapfen"
PUBLIC_WORD = "Holunderbluete"
DOC_WORD = "Mirabellenkompott"


@pytest.fixture
def pages(home_page, alliance):
    public = NewsPageFactory(title=f"Meldung {PUBLIC_WORD}", teaser=PUBLIC_WORD)
    private = NewsPageFactory(title=f"Interna {PRIVATE_WORD}", teaser=PRIVATE_WORD)
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(alliance.group)
    return public, private


@pytest.fixture
def document(ag_klima, member):
    return services.upload_document(
        workspace=ag_klima, user=member, title=f"Protokoll {DOC_WORD}", file=ContentFile(DOC_WORD.encode(), name="protokoll.txt")
    )


def test_sitemap_lists_public_pages_only(client, pages, document):
    public, private = pages
    xml = client.get("/sitemap.xml").content.decode()
    assert public.url in xml
    assert private.url not in xml
    assert "/intern/" not in xml and document.url not in xml


def test_robots_disallows_the_area(client):
    assert "Disallow: /intern/" in client.get("/robots.txt").content.decode()


def test_private_page_asks_anonymous_to_log_in_and_shows_members(client, client_for, pages, member, outsider):
    _, private = pages
    response = client.get(private.url)
    assert response.status_code == 302 and response["Location"].startswith("/intern/anmelden/")
    assert PRIVATE_WORD not in client_for(outsider).get(private.url).content.decode()
    response = client_for(member).get(private.url)
    assert PRIVATE_WORD in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]


def _search_url():
    try:
        return reverse("search:search"), reverse("search:autocomplete")
    except NoReverseMatch:
        pytest.skip("Die Suchseite /suche/ gibt es in diesem Stand noch nicht.")


def _text(response) -> str:
    """The page without highlight marks, so a highlighted title still reads as the title."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def test_search_and_autocomplete_never_show_private_things(client, pages, document):
    search, autocomplete = _search_url()
    call_command("search_index", "--rebuild", "--only", "pages", verbosity=0)  # what the index may hold
    found = _text(client.get(search, {"q": PUBLIC_WORD}))
    assert f"Meldung {PUBLIC_WORD}" in found  # the search works, so the absence below means something
    _, private = pages
    # The query is echoed on the page; what must never appear is the thing itself.
    for word, shown in ((PRIVATE_WORD, f"Interna {PRIVATE_WORD}"), (DOC_WORD, f"Protokoll {DOC_WORD}")):
        html = _text(client.get(search, {"q": word}))
        assert shown not in html and private.url not in html and document.url not in html
        assert shown not in client.get(autocomplete, {"q": word[:6]}).content.decode()


def test_no_api_endpoint_answers_with_private_things(client, pages, document):
    schema = client.get("/api/v1/openapi.json").json()
    paths = [path for path, ops in schema["paths"].items() if "get" in ops and "{" not in path]
    assert paths
    for path in paths:
        for word in (PRIVATE_WORD, DOC_WORD):
            response = client.get(path, {"q": word})
            assert response.status_code < 500, path
            body = response.content.decode()
            assert f"Interna {PRIVATE_WORD}" not in body and f"Protokoll {DOC_WORD}" not in body, path
    assert "intern" not in str(schema["paths"].keys())


def test_private_document_is_refused_at_its_normal_url(client, client_for, document, member, other_member, outsider):
    url = document.url
    assert url.startswith("/dokumente/")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/intern/anmelden/")
    assert DOC_WORD.encode() not in b"".join(getattr(response, "streaming_content", [response.content]))
    for user in (outsider, other_member):
        response = client_for(user).get(url)
        assert response.status_code != 200
        client.logout()


def test_member_gets_the_document_through_the_area(client_for, document, member):
    client = client_for(member)
    response = client.get(reverse("members:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DOC_WORD.encode()
    assert "no-store" in response["Cache-Control"]
    html = client.get(reverse("members:workspace", args=["ag-klima"])).content.decode()
    assert f"Protokoll {DOC_WORD}" in html
    assert document.file.url not in html  # the storage address is never handed out
