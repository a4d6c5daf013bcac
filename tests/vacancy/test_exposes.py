"""PDF exposés of a listing and a portfolio; nothing for listings that are not public."""

import re
import zlib

import pytest
from django.contrib.auth import get_user_model

from tests.premises.factories import PartnerFactory, PremisesFactory

pytestmark = pytest.mark.django_db


def page_count(pdf: bytes) -> int:
    """Pages of a PDF, counted in its (compressed) object streams."""
    text = pdf
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text += zlib.decompress(stream)
        except zlib.error:
            continue
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", text))


def test_expose_page_and_pdf(client):
    lister = PartnerFactory(name="LEG Thüringen", contact_name="Frau Beispiel", contact_email="flaechen@leg.example.org")
    premises = PremisesFactory(title="Eckladen am Anger", lister=lister)
    page = client.get(f"/leerstand/expose/{premises.pk}/").content.decode()
    assert "Eckladen am Anger" in page and "Frau Beispiel" in page and "flaechen@leg.example.org" in page
    assert "data:image/png;base64," in page  # QR code to the listing page
    assert f"http://testserver/flaechen/{premises.pk}/" in page
    assert premises.contact_email not in page  # the listing's private contact stays private
    response = client.get(f"/leerstand/expose/{premises.pk}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and page_count(response.content) == 1


def test_no_expose_for_drafts(client):
    draft = PremisesFactory(status="draft")
    assert client.get(f"/leerstand/expose/{draft.pk}.pdf").status_code == 404
    assert client.get(f"/leerstand/expose/{draft.pk}/").status_code == 404


def test_portfolio_of_selected_listings(client):
    listings = [PremisesFactory(title=f"Fläche {n}") for n in range(3)]
    client.force_login(get_user_model().objects.create_superuser("leg", "leg@example.org", "pw"))
    assert client.post("/leerstand/portfolio/", {}).status_code == 400
    response = client.post("/leerstand/portfolio/", {"listings": [p.pk for p in listings]})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert page_count(response.content) == 4  # cover and one page per listing
