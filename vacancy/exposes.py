"""PDF exposés of listings (one listing, or a portfolio of several for LEG's marketing).

The page (/leerstand/expose/<id>/) and the PDF come from the same template, vacancy/expose.html,
which shares the listing facts with the portfolio; WeasyPrint prints it. Pictures and the QR code
are embedded as data URIs, so printing needs no network and no web server.
"""

from __future__ import annotations

import base64
import io

import qrcode
from django.template.loader import render_to_string
from django.utils import timezone

from common import gazetteer
from common.vocabularies import Feature, UseType, labels
from matching.ranking import haversine_km

PHOTO_SPEC = "fill-960x640"
THUMB_SPEC = "fill-480x320"


def _data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def qr_data_uri(url: str) -> str:
    image = qrcode.make(url, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _data_uri(buffer.getvalue(), "image/png")


def _photos(premises, limit: int) -> list[dict]:
    photos = []
    for item in premises.gallery_images.select_related("image").order_by("sort_order")[:limit]:
        spec = PHOTO_SPEC if not photos else THUMB_SPEC
        rendition = item.image.get_rendition(spec)
        with rendition.file.open("rb") as handle:
            mime = "image/png" if rendition.file.name.lower().endswith(".png") else "image/jpeg"
            photos.append({"src": _data_uri(handle.read(), mime), "caption": item.caption, "alt": item.image.title})
    return photos


def _location(premises) -> str:
    centre = gazetteer.lookup(premises.city)
    if premises.location_from_gazetteer or centre is None:
        return f"in {premises.city} (genaue Lage auf Anfrage)"
    distance = haversine_km(centre.lat, centre.lon, premises.latitude, premises.longitude)
    if distance < 1:
        return f"{round(distance * 1000, -1):.0f} m vom Ortszentrum {premises.city}"
    return f"{distance:.1f} km vom Ortszentrum {premises.city}".replace(".", ",")


def sheet(request, premises, *, photos: int = 3) -> dict:
    """Everything one exposé page shows about a listing."""
    url = request.build_absolute_uri(premises.get_absolute_url())
    unit = getattr(premises, "vacancy_unit", None)
    return {
        "premises": premises,
        "use_type_labels": labels(UseType, premises.use_types),
        "feature_labels": labels(Feature, premises.features),
        "photos": _photos(premises, photos),
        "url": url,
        "qr": qr_data_uri(url),
        "location": _location(premises),
        "zone": unit.zone if unit is not None else "",
        "lister": premises.lister,
    }


def render_html(request, listings, *, portfolio: bool, pdf: bool = False) -> str:
    sheets = [sheet(request, premises, photos=1 if portfolio else 3) for premises in listings]
    return render_to_string("vacancy/expose.html", {
        "sheets": sheets, "portfolio": portfolio, "pdf": pdf, "today": timezone.localdate(),
    }, request=request)


def render_pdf(request, listings, *, portfolio: bool) -> bytes:
    from weasyprint import HTML

    html = render_html(request, listings, portfolio=portfolio, pdf=True)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
