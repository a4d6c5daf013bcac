import pytest


@pytest.mark.django_db
def test_home_page_renders_in_german(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Zum Inhalt springen" in html


@pytest.mark.django_db
def test_unknown_path_renders_german_404(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_sitemap_and_hides_members_area(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /intern/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
