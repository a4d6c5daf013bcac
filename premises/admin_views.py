"""Admin views of the premises register: CSV import with preview, and confirming a listing.

Thin: validation and writes live in premises.services.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import pending_imports
from partners.selectors import partner_for_user
from premises.forms import PremisesImportForm
from premises.models import Premises
from premises.permissions import premises_permission_policy
from premises.services import premises_confirm, premises_import

SESSION_KEY = "premises_import"
IMPORT_KIND = "premises"
EXPIRED = "Die Vorschau ist abgelaufen oder dieser Import wurde schon übernommen. Bitte prüfen Sie die Flächenliste."


def _can_import(user) -> bool:
    return premises_permission_policy.user_has_permission(user, "add")


class PremisesImportView(WagtailAdminTemplateMixin, TemplateView):
    """Upload a CSV → preview counts and every bad row → confirm writes (all or nothing)."""

    template_name = "premises/admin/premises_import.html"
    page_title = "Flächen importieren"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not _can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailsnippets_premises_premises:list"), "label": "Flächen"},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PremisesImportForm()))

    def post(self, request, *args, **kwargs):
        lister = partner_for_user(request.user)
        if "confirm" in request.POST:
            return self._confirm(request, lister)
        form = PremisesImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("file", "Die Datei ist nicht UTF-8-kodiert. Bitte als „CSV UTF-8“ speichern.")
            return self.render_to_response(self.get_context_data(form=form), status=400)
        report = premises_import(source=text, dry_run=True, lister=lister)
        token = ""
        if report.ok and report.rows:
            earlier = (request.session.get(SESSION_KEY) or {}).get("token", "")
            token = pending_imports.store(user=request.user, kind=IMPORT_KIND, name=upload.name, text=text,
                                          replaces=earlier)
            request.session[SESSION_KEY] = {"token": token, "name": upload.name}
        return self.render_to_response(
            self.get_context_data(form=PremisesImportForm(), report=report, token=token, file_name=upload.name),
            status=200 if report.ok else 400,
        )

    def _confirm(self, request, lister):
        request.session.pop(SESSION_KEY, None)
        pending = pending_imports.claim(user=request.user, kind=IMPORT_KIND, token=request.POST.get("token", ""))
        if pending is None:  # expired, or a second click while the first one imports
            messages.error(request, EXPIRED)
            return redirect("premises_import:index")
        try:
            report = premises_import(source=pending.text, lister=lister)
        except IntegrityError:  # another import wrote the same listings at the same moment: nothing of this one
            messages.error(request, "Ein anderer Import hat dieselben Flächen gerade geschrieben; dieser Import "
                                    "wurde nicht übernommen. Bitte prüfen Sie die Flächenliste und laden Sie die "
                                    "Datei bei Bedarf erneut hoch.")
            return redirect("premises_import:index")
        if not report.ok:  # the register changed since the preview
            return self.render_to_response(
                self.get_context_data(form=PremisesImportForm(), report=report, file_name=pending.name),
                status=400,
            )
        messages.success(request, f"Import abgeschlossen: {report.created} Flächen neu, {report.updated} aktualisiert.")
        return redirect("wagtailsnippets_premises_premises:list")


class PremisesConfirmView(WagtailAdminTemplateMixin, TemplateView):
    """"Als aktuell bestätigen": the listing stays (or is again) published for 90 more days."""

    template_name = "premises/admin/premises_confirm.html"
    page_title = "Fläche bestätigen"
    header_icon = "check"

    def dispatch(self, request, *args, pk, **kwargs):
        self.object = get_object_or_404(Premises, pk=pk)
        if not premises_permission_policy.user_has_permission_for_instance(request.user, "change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def post(self, request, *args, **kwargs):
        premises_confirm(premises=self.object)
        messages.success(request, f"„{self.object.title}“ ist als aktuell bestätigt.")
        return redirect("wagtailsnippets_premises_premises:list")
