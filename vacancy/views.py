"""Pages of vacancy management (German): the public report form with double opt-in, the dashboard
with CSV (town and statewide), the early-warning list, PDF exposés and the portfolio."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from common.clients import client_address
from partners.selectors import partner_for_user
from premises.models import Premises
from vacancy import exposes
from vacancy.charts import bars, target_bars
from vacancy.forms import PortfolioForm, ReportForm
from vacancy.models import USE_LABELS, TargetMix
from vacancy.permissions import unit_policy
from vacancy.selectors import (
    early_warning,
    listings_activity,
    mix_status,
    normalise_city,
    seeker_demand,
    towns_with_units,
    vacancy_stats,
    zones_of,
)
from vacancy.services import REPORTS, report_confirm_email, report_create, report_for_confirm_token

LOGIN_URL = "wagtailadmin_login"


# ---------------------------------------------------------------- public: report a vacancy


@require_http_methods(["GET", "POST"])
def report_form(request):
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        reporter = client_address(request)
        if REPORTS.reached(reporter):
            form.add_error(None, "Sie haben in kurzer Zeit zu viele Meldungen gesendet. Bitte versuchen Sie es später "
                                 "erneut.")
            status = 429
        elif form.is_spam():
            form.add_error(None, "Ihre Meldung konnte nicht gesendet werden. Bitte lassen Sie das Feld „Website“ leer.")
            status = 400
        elif form.is_valid():
            data = form.cleaned_data
            report_create(
                city=data["city"], street=data["street"], house_number=data["house_number"], note=data["note"],
                soon_vacant_from=data["soon_vacant_from"], reporter_email=data["reporter_email"],
            )
            REPORTS.count(reporter)  # only accepted reports count: a typo does not block a resident
            return redirect(reverse("vacancy:report_thanks") + ("?mail=1" if data["reporter_email"] else ""))
        else:
            status = 400
    else:
        form = ReportForm()
    return render(request, "vacancy/report_form.html", {"form": form}, status=status)


@require_GET
def report_thanks(request):
    return render(request, "vacancy/report_thanks.html", {"mail": request.GET.get("mail") == "1"})


@require_http_methods(["GET", "POST"])
def report_confirm(request, token: str):
    """GET asks, POST confirms: a mail scanner opening the link confirms nothing."""
    report = report_for_confirm_token(token=token)
    if report is None:
        raise Http404("Dieser Bestätigungslink ist ungültig.")
    if request.method == "GET":
        return render(request, "vacancy/report_confirm.html", {"confirmed": report.email_confirmed_at is not None})
    report_confirm_email(report=report)
    return render(request, "vacancy/report_confirmed.html", {})


# ---------------------------------------------------------------- town's people: dashboard


def _units_for(user):
    """The units ``user`` may see (their town's; editors every town); 403 without the right."""
    if not unit_policy.user_has_any_permission(user, ["view", "change"]):
        raise PermissionDenied("Sie haben keinen Zugriff auf das Leerstandskataster.")
    return unit_policy.instances_user_has_any_permission_for(user, ["view", "change"])


def _scope(request):
    """(own units, city, zone, statewide): a town's people see their town unless they ask for the
    statewide figures; editors choose a town or see the whole state."""
    units = _units_for(request.user)
    partner = partner_for_user(request.user)
    towns = towns_with_units(units)
    statewide = request.GET.get("ebene") == "land"
    city = normalise_city(request.GET.get("city"))
    if partner is not None and not statewide:
        city = city if city in towns else (towns[0] if towns else None)
    if statewide or city not in towns:
        city = None
    zone = (request.GET.get("zone") or "").strip() or None
    if city is None or zone not in zones_of(city, units):
        zone = None
    return units, city, zone, city is None


def dashboard_context(units, city, zone, statewide, partner=None) -> dict:
    stats = vacancy_stats(city=city, zone=zone) if statewide else vacancy_stats(units=units, city=city, zone=zone)
    use_rows = [(USE_LABELS[code], n) for code, n in stats.by_use.items()]
    mixes = [mix_status(mix) for mix in TargetMix.objects.filter(city=city).prefetch_related("shares")] if city else []
    if zone:
        mixes = [m for m in mixes if not m.mix.zone or m.mix.zone.casefold() == zone.casefold()]
    towns = []
    if statewide:
        for town in towns_with_units():
            town_stats = vacancy_stats(city=town)
            towns.append((town, town_stats))
    own = units if not statewide else units.none()
    return {
        "stats": stats,
        "use_chart": bars(use_rows, highlight="Leerstand"),
        "duration_chart": bars(stats.by_duration),
        "mixes": mixes,
        "mix_charts": [(status, target_bars(status.rows)) for status in mixes],
        "towns": towns,
        "warnings": early_warning(units=own, city=city, with_proposals=False)[:10] if not statewide else [],
        "activity": listings_activity(units=own, city=city, zone=zone, lister=partner) if not statewide else [],
        "demand": seeker_demand(city=city),
        "demand_chart": bars(seeker_demand(city=city)["by_use"]),
    }


@login_required(login_url=LOGIN_URL)
@require_GET
def dashboard(request):
    units, city, zone, statewide = _scope(request)
    context = dashboard_context(units, city, zone, statewide, partner_for_user(request.user))
    context.update({
        "city": city, "zone": zone, "statewide": statewide, "towns_choice": towns_with_units(units),
        "zones_choice": zones_of(city, units) if city else [], "query": request.GET.urlencode(),
    })
    return render(request, "vacancy/dashboard.html", context)


def _number(value) -> str:
    return "" if value is None else str(value).replace(".", ",")


@login_required(login_url=LOGIN_URL)
@require_GET
def dashboard_csv(request):
    """The dashboard's figures as CSV (semicolon, for German spreadsheets)."""
    units, city, zone, statewide = _scope(request)
    ctx = dashboard_context(units, city, zone, statewide)
    stats = ctx["stats"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = "thueringen" if statewide else (city or "kommune").lower().replace(" ", "-")
    response["Content-Disposition"] = f'attachment; filename="leerstand-{name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["Bereich", "Kennzahl", "Wert"])
    area = "Thüringen" if statewide else f"{city}{' – ' + zone if zone else ''}"
    writer.writerow([area, "Einheiten", stats.units])
    writer.writerow([area, "leer", stats.vacant])
    writer.writerow([area, "Leerstandsquote (%)", f"{stats.vacancy_rate * 100:.1f}".replace(".", ",")])
    writer.writerow([area, "bald leer", stats.soon_vacant])
    writer.writerow([area, "Median Leerstandsdauer (Tage)",
                     _number(stats.median_vacancy_days)])
    writer.writerow([area, "Median Zeit bis zur Wiedervermietung (Tage)",
                     _number(stats.median_days_to_let)])
    for code, n in stats.by_use.items():
        writer.writerow([area, f"Nutzung: {USE_LABELS[code]}", n])
    for label, n in stats.by_duration:
        writer.writerow([area, f"Leerstandsdauer: {label}", n])
    for status in ctx["mixes"]:
        for row in status.rows:
            writer.writerow([f"Zielmix der {status.mix.name}", f"{row.label}: Ziel / Ist (%)",
                             f"{row.target} / {row.actual:.1f}".replace(".", ",")])
    for town, town_stats in ctx["towns"]:
        writer.writerow([town, "Leerstandsquote (%)", f"{town_stats.vacancy_rate * 100:.1f}".replace(".", ",")])
    return response


@login_required(login_url=LOGIN_URL)
@require_GET
def early_warning_list(request):
    units, city, _zone, _statewide = _scope(request)
    warnings = early_warning(units=units, city=city)
    return render(request, "vacancy/early_warning.html", {
        "warnings": warnings, "city": city, "towns_choice": towns_with_units(units),
    })


# ---------------------------------------------------------------- exposés


def _public_listing(pk: int) -> Premises:
    premises = Premises.objects.public().select_related("lister").filter(pk=pk).first()
    if premises is None:
        raise Http404("Diese Fläche gibt es nicht (mehr).")
    return premises


@require_GET
def expose(request, pk: int):
    """The exposé of a public listing as a page (the PDF is the same template, printed)."""
    premises = _public_listing(pk)
    return HttpResponse(exposes.render_html(request, [premises], portfolio=False))


@require_GET
def expose_pdf(request, pk: int):
    premises = _public_listing(pk)
    pdf = exposes.render_pdf(request, [premises], portfolio=False)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="expose-{premises.external_id}.pdf"'
    return response


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
def portfolio(request):
    """LEG's marketing portfolio: pick public listings, get one PDF."""
    if not request.user.is_staff:
        raise PermissionDenied("Nur für angemeldete Redaktion und Partner.")
    form = PortfolioForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        listings = list(form.cleaned_data["listings"].select_related("lister").order_by("city", "title"))
        pdf = exposes.render_pdf(request, listings, portfolio=True)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="portfolio-leerstand.pdf"'
        return response
    return render(request, "vacancy/portfolio.html", {"form": form},
                  status=400 if request.method == "POST" else 200)
