"""Public pages of the premises register (German): list with filters, map, detail with inquiry."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.images import get_image_model

from common.clients import client_address
from common.vocabularies import Feature, UseType, labels
from premises.forms import InquiryForm, PremisesFilterForm
from premises.models import PremisesImage
from premises.selectors import premises_get_public, premises_map_markers, premises_search
from premises.services import INQUIRIES, premises_inquiry_create

CARD_RENDITION = "fill-480x320"
DETAIL_RENDITIONS = ("fill-960x640", "fill-200x134")


RADIUS_CHOICES = ["5", "10", "20", "30", "50", "100"]


def _radius_options(form):
    """Options of the radius select; a radius from a shared URL that is not offered is kept."""
    current = (form.data.get("radius_km") or "").strip()
    values = list(RADIUS_CHOICES)
    if current and current not in values:
        values.append(current)
    return [(value, value == current) for value in values]


def _map_config():
    """Tiles from another host need the visitor's click first (premises-map.js)."""
    host = urlsplit(settings.MAP_TILE_URL).hostname or ""
    return {"tileUrl": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION, "tileHost": host,
            "needsConsent": bool(host) and host not in settings.ALLOWED_HOSTS}


def _with_images(items, *specs):
    """Gallery rows with their images joined and the wanted renditions: two queries for any page size."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    prefetch_related_objects(
        items,
        Prefetch(
            "gallery_images",
            queryset=PremisesImage.objects.order_by("sort_order").select_related("image").prefetch_related(
                Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
            ),
        ),
    )


def _decorate(premises):
    premises.use_type_labels = labels(UseType, premises.use_types)
    premises.feature_labels = labels(Feature, premises.features)
    gallery = list(premises.gallery_images.all())
    premises.cover = gallery[0].image if gallery else None
    return premises


@require_GET
def premises_list(request):
    form = PremisesFilterForm(request.GET)
    result = None
    if form.is_valid():
        result = premises_search(**form.search_kwargs())
        _with_images(result.items, CARD_RENDITION)
        for item in result.items:
            _decorate(item)
    return render(request, "premises/premises_list.html", {
        "form": form, "result": result, "map_query": request.GET.urlencode(),
        "radius_options": _radius_options(form),
    }, status=200 if result is not None else 400)


@require_GET
def premises_map(request):
    form = PremisesFilterForm(request.GET)
    return render(request, "premises/premises_map.html", {
        "form": form,
        "valid": form.is_valid(),
        "markers_url": reverse("premises:markers") + ("?" + request.GET.urlencode() if request.GET else ""),
        "map_config": _map_config(),
        "list_query": request.GET.urlencode(),
        "radius_options": _radius_options(form),
    })


@require_GET
def premises_markers(request):
    """Markers as JSON for the map (public fields only)."""
    form = PremisesFilterForm(request.GET)
    if not form.is_valid():
        field, reason = form.first_error()
        return JsonResponse({"errors": [{"field": field, "reason": reason}]}, status=400)
    kwargs = form.search_kwargs()
    for key in ("page", "page_size", "sort"):
        kwargs.pop(key)
    markers = premises_map_markers(**kwargs)
    return JsonResponse({"count": len(markers), "markers": markers})


@require_http_methods(["GET", "POST"])
def premises_detail(request, pk: int):
    premises = premises_get_public(pk=pk)
    if premises is None:
        raise Http404("Diese Fläche gibt es nicht (mehr).")
    _with_images([premises], *DETAIL_RENDITIONS)
    _decorate(premises)
    status = 200
    if request.method == "POST":
        form = InquiryForm(request.POST)
        if INQUIRIES.exceeded(client_address(request)):
            form.add_error(None, "Sie haben in kurzer Zeit zu viele Anfragen gesendet. Bitte warten Sie eine Minute "
                                 "und versuchen Sie es dann erneut.")
            status = 429
        elif form.is_spam():
            form.add_error(None, "Ihre Anfrage konnte nicht gesendet werden. Bitte lassen Sie das Feld "
                                 "„Website“ leer.")
            status = 400
        elif form.is_valid():
            data = form.cleaned_data
            premises_inquiry_create(
                premises=premises, name=data["name"], email=data["email"], phone=data["phone"], message=data["message"]
            )
            messages.success(request, "Vielen Dank! Ihre Anfrage wurde an den Anbieter der Fläche weitergeleitet.")
            return redirect(premises.get_absolute_url() + "#anfrage")
        else:
            status = 400
    else:
        # Coming from the matching results, the seeker's request prefills the message.
        form = InquiryForm(initial={"message": request.GET.get("nachricht", "")[:2000]})
    marker = {
        "id": premises.pk, "title": premises.title, "city": premises.city,
        "lat": premises.latitude, "lon": premises.longitude, "url": premises.get_absolute_url(),
    }
    return render(request, "premises/premises_detail.html", {
        "premises": premises, "form": form, "map_config": _map_config(), "marker": marker,
        "gallery": list(premises.gallery_images.all()),
    }, status=status)
