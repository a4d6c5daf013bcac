"""Public pages (German): the partner directory, the support offers with filters, detail pages.
Every offer shown comes from ``selectors.public_offers()``."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from partners.forms import OfferFilterForm
from partners.selectors import offers_search, public_offers, public_partners


@require_GET
def partner_list(request):
    partners = list(public_partners().select_related("logo"))
    groups = {}
    for partner in partners:
        groups.setdefault(partner.get_kind_display(), []).append(partner)
    return render(request, "partners/partner_list.html", {"partners": partners, "groups": sorted(groups.items())})

@require_GET
def partner_detail(request, slug):
    partner = get_object_or_404(public_partners(), slug=slug)
    offers = public_offers().filter(provider=partner).order_by("title")
    return render(request, "partners/partner_detail.html", {"partner": partner, "offers": offers})

@require_GET
def offer_list(request):
    form = OfferFilterForm(request.GET)
    result = offers_search(**form.search_kwargs()) if form.is_valid() else None
    return render(
        request, "partners/offer_list.html", {"form": form, "result": result},
        status=200 if result is not None else 400,
    )

@require_GET
def offer_detail(request, pk):
    offer = get_object_or_404(public_offers().prefetch_related("tags"), pk=pk)
    return render(request, "partners/offer_detail.html", {"offer": offer, "partner": offer.provider})
