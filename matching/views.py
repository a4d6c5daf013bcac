"""Public pages for seekers (German, no account): the guided form, the results with two ranked
lists, saving a search (double opt-in) and the signed links of the mails (confirm, manage,
unsubscribe, export, delete). Thin: matching in matching.matchmaking, the rest in matching.seekers."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.clients import client_address
from common.ratelimit import Limit
from common.vocabularies import Feature, SeekerKind, Stage, SupportCategory, UseType, labels
from matching.forms import SaveSearchForm, SeekerForm
from matching.matchmaking import PremisesSearchUnavailable, match_offers, match_premises
from matching.seekers import (
    profile_for_token,
    seeker_confirmations_pending,
    seeker_data_delete,
    seeker_data_export,
    seeker_profile_confirm,
    seeker_profile_save,
    seeker_profile_unsubscribe,
    seeker_token,
)

FORM_GROUPS = [
    ("Über Sie", ["kind", "stage", "sector"]),
    ("Wo und wie groß?", ["use_types", "city", "radius_km", "area_min", "area_max", "rent_max", "available_by"]),
    ("Was soll die Fläche bieten?", ["features", "interim_use"]),
    ("Unterstützung", ["needs"]),
    ("Ihr Vorhaben", ["text"]),
]


def _groups(form):
    return [(title, [form[name] for name in names]) for title, names in FORM_GROUPS]


def _inquiry_message(form) -> str:
    data = form.cleaned_data
    parts = [f"Guten Tag, ich interessiere mich für Ihre Fläche ({SeekerKind(data['kind']).label}"]
    if data.get("sector"):
        parts.append(f", Branche: {data['sector']}")
    parts.append(").")
    if data.get("text"):
        parts.append(f" Mein Vorhaben: {data['text'][:500]}")
    return "".join(parts)


@require_GET
def seeker_start(request):
    form = SeekerForm(initial={"kind": request.GET.get("kind") or None})
    return render(request, "matching/seekers/start.html", {"form": form, "groups": _groups(form)})


@require_GET
def seeker_results(request):
    form = SeekerForm(request.GET)
    if not form.is_valid():
        return render(request, "matching/seekers/start.html", {"form": form, "groups": _groups(form)}, status=400)
    req = form.match_request()
    premises, search_down = [], False
    try:
        premises = match_premises(req)
    except PremisesSearchUnavailable:
        search_down = True
    message = urlencode({"nachricht": _inquiry_message(form)})
    return render(request, "matching/seekers/results.html", {
        "form": form,
        "req": req,
        "premises": premises,
        "full_fits": [m for m in premises if not m.near_miss],
        "near_misses": [m for m in premises if m.near_miss],
        "offers": match_offers(req),
        "search_down": search_down,
        "inquiry_query": message,
        "query": request.GET.urlencode(),
        "save_form": SaveSearchForm(),
        "summary": _summary(form.cleaned_data),
    })


def _summary(data) -> list[str]:
    """The request in German words, shown above the results and on the manage page."""
    lines = [SeekerKind(data["kind"]).label]
    if data.get("stage"):
        lines.append(f"Phase: {Stage(data['stage']).label}")
    if data.get("use_types"):
        lines.append("Nutzung: " + ", ".join(labels(UseType, data["use_types"])))
    place = data.get("place")
    if place is not None:
        radius = data.get("radius_km")
        where = place.name or f"{place.lat:.4f}, {place.lon:.4f}"
        lines.append(f"Ort: {where}" + (f" (Umkreis {radius:g} km)" if radius else ""))
    if data.get("area_min") is not None or data.get("area_max") is not None:
        lo, hi = data.get("area_min"), data.get("area_max")
        lines.append("Fläche: " + (f"ab {lo:g} m² " if lo is not None else "") + (f"bis {hi:g} m²" if hi is not None else ""))
    if data.get("rent_max") is not None:
        lines.append(f"Kaltmiete bis {data['rent_max']:g} €")
    if data.get("features"):
        lines.append("Ausstattung: " + ", ".join(labels(Feature, data["features"])))
    if data.get("interim_use"):
        lines.append("Zwischennutzung gesucht")
    if data.get("needs"):
        lines.append("Unterstützung: " + ", ".join(labels(SupportCategory, data["needs"])))
    return lines


# Saved searches (each mails a confirmation link) per client address and hour.
SAVED_SEARCHES = Limit("saved-search", limit=5, window_seconds=3600)


@require_POST
def seeker_save(request):
    form = SeekerForm(request.POST)
    save_form = SaveSearchForm(request.POST)
    if save_form.is_spam():
        return render(request, "matching/seekers/saved.html", {"spam": True}, status=400)
    saver = client_address(request)
    if SAVED_SEARCHES.reached(saver):
        save_form.add_error(None, "Von Ihrem Anschluss wurden in kurzer Zeit zu viele Suchen gespeichert. Bitte "
                                  "versuchen Sie es in einer Stunde erneut.")
        return render(request, "matching/seekers/save_failed.html", {
            "form": form, "save_form": save_form, "groups": _groups(form),
        }, status=429)
    if save_form.is_valid() and seeker_confirmations_pending(save_form.cleaned_data["email"]):
        save_form.add_error("email", "An diese Adresse haben wir schon mehrere Bestätigungslinks geschickt. Bitte "
                                     "bestätigen Sie zuerst eine der gespeicherten Suchen.")
    if not (form.is_valid() and save_form.is_valid()):
        return render(request, "matching/seekers/save_failed.html", {
            "form": form, "save_form": save_form, "groups": _groups(form),
        }, status=400)
    seeker_profile_save(
        fields=form.profile_fields(), email=save_form.cleaned_data["email"],
        allow_contact=save_form.cleaned_data["allow_contact"],
    )
    SAVED_SEARCHES.count(saver)  # each saved search mails a confirmation link
    return redirect(reverse("seekers:saved"))


@require_GET
def seeker_saved(request):
    return render(request, "matching/seekers/saved.html", {})


def _profile_or_404(token: str, purpose: str):
    profile = profile_for_token(token, purpose)
    if profile is None:
        raise Http404("Dieser Link ist ungültig oder abgelaufen, oder die Suche wurde bereits gelöscht.")
    return profile


@require_http_methods(["GET", "POST"])
def seeker_confirm(request, token: str):
    """GET asks, POST confirms: a mail scanner opening the link confirms nothing."""
    profile = _profile_or_404(token, "confirm")
    if request.method == "GET":
        return render(request, "matching/seekers/confirm.html", {"profile": profile})
    profile = seeker_profile_confirm(profile)
    return redirect(reverse("seekers:manage", args=[seeker_token(profile, "manage")]) + "?bestaetigt=1")


@csrf_exempt  # one-click unsubscribe (RFC 8058): mail clients POST without a CSRF token
@require_http_methods(["GET", "POST"])
def seeker_unsubscribe(request, token: str):
    """GET asks, POST unsubscribes (the page's button, or a mail client's one-click POST). The
    answer holds no link to the data: whoever has this link must not get the export or deletion."""
    profile = _profile_or_404(token, "unsubscribe")
    if request.method == "GET":
        return render(request, "matching/seekers/unsubscribe.html", {"profile": profile})
    seeker_profile_unsubscribe(profile)
    return render(request, "matching/seekers/unsubscribed.html", {})


def profile_query(profile) -> str:
    """The results page URL query of a saved profile."""
    params = {
        "kind": profile.kind, "sector": profile.sector, "use_types": profile.use_types, "city": profile.city,
        "radius_km": profile.radius_km, "area_min": profile.area_min, "area_max": profile.area_max,
        "rent_max": profile.rent_max, "features": profile.features, "needs": profile.needs, "stage": profile.stage,
        "available_by": profile.available_by.isoformat() if profile.available_by else None, "text": profile.text,
    }
    if not profile.city and profile.latitude is not None:
        params.update(lat=profile.latitude, lon=profile.longitude)
    if profile.interim_use:
        params["interim_use"] = "on"
    return urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)


@require_GET
def seeker_manage(request, token: str):
    profile = _profile_or_404(token, "manage")
    form = SeekerForm(profile_query_dict(profile))
    summary = _summary(form.cleaned_data) if form.is_valid() else []
    return render(request, "matching/seekers/manage.html", {
        "profile": profile, "token": token, "summary": summary, "query": profile_query(profile),
        "just_confirmed": request.GET.get("bestaetigt") == "1",
        "unsubscribe_token": seeker_token(profile, "unsubscribe"),
    })


def profile_query_dict(profile) -> QueryDict:
    return QueryDict(profile_query(profile))


@require_GET
def seeker_export(request, token: str):
    profile = _profile_or_404(token, "manage")
    body = json.dumps(seeker_data_export(profile), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meine-daten.json"'
    return response


@require_POST
def seeker_delete(request, token: str):
    seeker_data_delete(_profile_or_404(token, "manage"))
    return render(request, "matching/seekers/deleted.html", {})
