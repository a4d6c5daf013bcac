"""Admin views of vacancy management: a unit with its history and contact log, "Als Fläche anbieten"
(with the owner's consent), and working through a report (check, merge, reject). Thin: the writes
live in vacancy.services; every object is fetched through the town policy."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.vocabularies import UseType
from partners.selectors import partner_for_user
from vacancy.forms import ListingFromUnitForm, MergeReportForm, UnitsImportForm
from vacancy.models import VacancyReport
from vacancy.permissions import contact_policy, report_policy, unit_policy
from vacancy.selectors import mix_reasons, proposals_for_unit
from vacancy.services import (
    consent_record,
    report_merge,
    report_set_status,
    unit_create_listing,
    units_import,
)


def _owned(policy, user, pk, actions=("change",)):
    obj = policy.instances_user_has_any_permission_for(user, list(actions)).filter(pk=pk).first()
    if obj is None:
        raise Http404("Nicht gefunden oder nicht Ihre Kommune.")
    return obj


class UnitDossierView(WagtailAdminTemplateMixin, TemplateView):
    """A unit at a glance: facts, history of uses, consents, reports, contact log, proposals."""

    template_name = "vacancy/admin/unit_dossier.html"
    header_icon = "home"

    def get_page_title(self):
        return f"Einheit {self.unit}"

    def dispatch(self, request, pk, *args, **kwargs):
        self.unit = _owned(unit_policy, request.user, pk, ("view", "change"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        unit = self.unit
        contacts = contact_policy.instances_user_has_any_permission_for(self.request.user, ["view", "change"])
        return super().get_context_data(
            unit=unit,
            history=unit.uses.order_by("-started", "-pk"),
            consents=unit.consents.select_related("recorded_by"),
            reports=unit.reports.all(),
            contacts=contacts.filter(unit=unit),
            proposals=proposals_for_unit(unit) if (unit.is_vacant or unit.soon_vacant_from) else [],
            mix=mix_reasons(unit.city, list(UseType.values), zone=unit.zone or None),
            **kwargs,
        )


class UnitListingView(WagtailAdminTemplateMixin, TemplateView):
    """Als Fläche anbieten: the owner's consent and the listing's facts in one form, one step."""

    template_name = "vacancy/admin/unit_listing.html"
    page_title = "Als Fläche anbieten"
    header_icon = "home"

    def dispatch(self, request, pk, *args, **kwargs):
        self.unit = _owned(unit_policy, request.user, pk)
        if self.unit.premises_id:
            messages.info(request, "Diese Einheit wird bereits als Fläche angeboten.")
            return redirect("wagtailsnippets_premises_premises:edit", self.unit.premises_id)
        if not (self.unit.is_vacant or self.unit.soon_vacant_from):
            messages.error(request, "Nur leere oder bald leere Einheiten können als Fläche angeboten werden.")
            return redirect("vacancy_unit_dossier", self.unit.pk)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        last = self.unit.uses.exclude(use="vacant").order_by("-started", "-pk").first()
        initial = {
            "title": f"{'Laden' if self.unit.floor == 'eg' else 'Gewerbefläche'} {self.unit.address}, {self.unit.city}",
            "area_sqm": self.unit.area_sqm,
            "use_types": [last.use] if last else ([self.unit.use] if not self.unit.is_vacant else []),
            "consent_given_by": self.unit.owner_name,
        }
        return self.render_to_response(self.get_context_data(form=ListingFromUnitForm(initial=initial), unit=self.unit))

    def post(self, request, *args, **kwargs):
        form = ListingFromUnitForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, unit=self.unit), status=400)
        data = form.cleaned_data
        with transaction.atomic():
            consent_record(unit=self.unit, given_by=data["consent_given_by"], given_on=data["consent_given_on"],
                           channel=data["consent_channel"], note=data["consent_note"], user=request.user)
            premises = unit_create_listing(
                unit=self.unit, title=data["title"], use_types=data["use_types"], area_sqm=data["area_sqm"],
                rent_month_eur=data["rent_month_eur"], features=data["features"], description=data["description"],
            )
        messages.success(request, f"Die Einheit wird jetzt als Fläche „{premises.title}“ angeboten.")
        return redirect("wagtailsnippets_premises_premises:edit", premises.pk)


class ReportProcessView(WagtailAdminTemplateMixin, TemplateView):
    """Work through one report of the town's queue: mark checked, merge with a known unit (or add
    it as a new unit), or reject. Nothing here publishes anything."""

    template_name = "vacancy/admin/report_process.html"
    page_title = "Meldung bearbeiten"
    header_icon = "warning"

    def dispatch(self, request, pk, *args, **kwargs):
        self.report = _owned(report_policy, request.user, pk)
        return super().dispatch(request, *args, **kwargs)

    def _units(self):
        units = unit_policy.instances_user_has_any_permission_for(self.request.user, ["change"])
        return units.filter(city__iexact=self.report.city)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", MergeReportForm(units=self._units()))
        same_street = self._units().filter(street__iexact=self.report.street, house_number__iexact=self.report.house_number)
        return super().get_context_data(report=self.report, candidates=same_street, **kwargs)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        report = self.report
        if action == "check":
            report_set_status(report=report, status=VacancyReport.Status.CHECKED, user=request.user)
            messages.success(request, "Die Meldung ist als geprüft markiert.")
        elif action == "reject":
            report_set_status(report=report, status=VacancyReport.Status.REJECTED, user=request.user)
            messages.success(request, "Die Meldung ist abgelehnt.")
        elif action == "merge":
            form = MergeReportForm(request.POST, units=self._units())
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            unit = report_merge(report=report, unit=form.cleaned_data["unit"], user=request.user)
            messages.success(request, f"Die Meldung ist der Einheit {unit} zugeordnet.")
            return redirect("vacancy_unit_dossier", unit.pk)
        else:
            raise PermissionDenied
        return redirect("wagtailsnippets_vacancy_vacancyreport:list")


class UnitsImportView(WagtailAdminTemplateMixin, TemplateView):
    """The contract's units CSV, uploaded by a town's people: checked first, written all or nothing;
    a town's file may only hold its own units."""

    template_name = "vacancy/admin/units_import.html"
    page_title = "Gewerbeeinheiten importieren"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not unit_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=UnitsImportForm()))

    def post(self, request, *args, **kwargs):
        form = UnitsImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            report = units_import(source=form.cleaned_data["file"], dry_run=form.cleaned_data["dry_run"],
                                  municipality=partner_for_user(request.user))
        except UnicodeDecodeError:
            form.add_error("file", "Die Datei ist nicht UTF-8-kodiert. Bitte als UTF-8 speichern.")
            return self.render_to_response(self.get_context_data(form=form), status=400)
        status = 400 if report.errors else 200
        return self.render_to_response(self.get_context_data(form=UnitsImportForm(), report=report), status=status)
