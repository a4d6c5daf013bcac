"""Views of the municipal tools: the heat-protection planner (login, per-municipality isolation),
its exports, the catalogue's print view and the Kompass Leerstandsbewältigung.

Thin: access goes through toolbox.permissions' policies, writes through toolbox.services."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from common.clients import client_address
from common.logins import LoginForm
from common.vocabularies import KompassProblem, TownType
from partners.models import Partner
from partners.selectors import partner_for_user
from toolbox import exports, selectors, services
from toolbox.forms import AddMeasureForm, PlanStepFormSet, WorksheetForm
from toolbox.models import KompassPage, MeasureIndexPage, PlanMeasure
from toolbox.permissions import heat_plan_policy

LOGIN_URL = reverse_lazy("toolbox:login")
plan_login_required = login_required(login_url=LOGIN_URL)


class LoginView(auth_views.LoginView):
    template_name = "toolbox/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("toolbox:plan_home")


class LogoutView(auth_views.LogoutView):
    next_page = "/"


def _plan(request, pk, action="view"):
    """The plan if the user may reach it; 404 for another municipality's plan (its existence stays hidden)."""
    plan = get_object_or_404(selectors.plans_for_user(request.user, ["view", "change"]), pk=pk)
    if action != "view" and not heat_plan_policy.user_has_permission_for_instance(request.user, action, plan):
        raise PermissionDenied("Sie dürfen diesen Hitzeschutzplan ansehen, aber nicht ändern.")
    return plan


def _worksheet(plan, code):
    return get_object_or_404(
        PlanMeasure.objects.select_related("measure", "plan__municipality").prefetch_related(
            "steps", "measure__funding_programmes", "measure__steps", "measure__links"
        ),
        plan=plan,
        measure__code__iexact=code,
    )


@plan_login_required
def plan_home(request):
    """A municipality's people land on their own plan (created on first visit); editors see every plan."""
    partner = partner_for_user(request.user)
    if partner is not None:
        if partner.kind != Partner.Kind.MUNICIPALITY:
            raise PermissionDenied("Den Hitzeschutzplan können nur Kommunen nutzen.")
        if not heat_plan_policy.user_has_any_permission(request.user, ["add", "change"]):
            raise PermissionDenied("Ihrem Zugang fehlt die Berechtigung für den Hitzeschutzplan.")
        plan = services.plan_for_municipality(partner, request.user)
        code = request.GET.get("massnahme", "")[:10]
        return redirect(plan.get_absolute_url() + (f"?massnahme={code}" if code.isalnum() else ""))
    plans = selectors.plans_for_user(request.user, ["view", "change"])
    if not heat_plan_policy.user_has_any_permission(request.user, ["view", "change"]):
        raise PermissionDenied("Ihrem Zugang fehlt die Berechtigung für Hitzeschutzpläne.")
    return render(request, "toolbox/plan_list.html", {"plans": plans})


@plan_login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    can_change = heat_plan_policy.user_has_permission_for_instance(request.user, "change", plan)
    wanted = selectors.measures_not_in_plan(plan).filter(code__iexact=request.GET.get("massnahme", "")[:10]).first()
    add_form = AddMeasureForm(queryset=selectors.measures_not_in_plan(plan), initial={"measure": wanted})
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied("Sie dürfen diesen Hitzeschutzplan nicht ändern.")
        add_form = AddMeasureForm(request.POST, queryset=selectors.measures_not_in_plan(plan))
        if add_form.is_valid():
            measure = add_form.cleaned_data["measure"]
            services.add_measure(plan, measure, request.user)
            messages.success(request, f"Maßnahme {measure.code} ist im Plan. Füllen Sie jetzt das Arbeitsblatt aus.")
            return redirect("toolbox:worksheet", pk=plan.pk, code=measure.code)
    context = {
        "plan": plan,
        "overview": selectors.plan_overview(plan),
        "add_form": add_form,
        "can_change": can_change,
        "catalogue": MeasureIndexPage.objects.live().first(),
        "recent_changes": plan.changes.all()[:5],
    }
    return render(request, "toolbox/plan_detail.html", context, status=400 if add_form.errors else 200)


@plan_login_required
def worksheet(request, pk, code):
    plan = _plan(request, pk)
    sheet = _worksheet(plan, code)
    can_change = heat_plan_policy.user_has_permission_for_instance(request.user, "change", plan)
    status = 200
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied("Sie dürfen diesen Hitzeschutzplan nicht ändern.")
        form = WorksheetForm(request.POST, instance=sheet)
        step_formset = PlanStepFormSet(request.POST, instance=sheet, prefix="steps")
        if form.is_valid() and step_formset.is_valid():
            change = services.save_worksheet(sheet, form, step_formset, request.user)
            messages.success(request, "Arbeitsblatt gespeichert." if change else "Keine Änderungen – nichts zu speichern.")
            return redirect("toolbox:worksheet", pk=plan.pk, code=sheet.measure.code)
        messages.error(request, "Bitte prüfen Sie die markierten Angaben. Es wurde noch nichts gespeichert.")
        status = 400
    else:
        form = WorksheetForm(instance=sheet)
        step_formset = PlanStepFormSet(instance=sheet, prefix="steps")
    context = {
        "plan": plan,
        "sheet": sheet,
        "measure": sheet.measure,
        "form": form,
        "step_formset": step_formset,
        "can_change": can_change,
    }
    return render(request, "toolbox/worksheet.html", context, status=status)


@plan_login_required
@require_POST
def worksheet_remove(request, pk, code):
    plan = _plan(request, pk, "change")
    sheet = _worksheet(plan, code)
    services.remove_measure(sheet, request.user)
    messages.success(request, f"Maßnahme {code.upper()} wurde aus dem Plan entfernt.")
    return redirect(plan.get_absolute_url())


@plan_login_required
def plan_history(request, pk):
    plan = _plan(request, pk)
    return render(request, "toolbox/plan_history.html", {"plan": plan, "changes": plan.changes.all()[:500]})


def _export(request, plan, sheet, fmt):
    if fmt == "docx":
        content, content_type = exports.render_docx(plan, sheet), exports.DOCX_TYPE
    elif fmt == "pdf":
        content, content_type = exports.render_pdf(request, plan, sheet), exports.PDF_TYPE
    elif fmt == "html":
        return render(request, "toolbox/plan_print.html", exports.export_context(plan, sheet))
    else:
        raise Http404("Unbekanntes Exportformat.")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(plan, sheet, fmt)}"'
    return response


@plan_login_required
def plan_export(request, pk, fmt):
    return _export(request, _plan(request, pk), None, fmt)


@plan_login_required
def worksheet_export(request, pk, code, fmt):
    plan = _plan(request, pk)
    return _export(request, plan, _worksheet(plan, code), fmt)


def measures_print(request):
    """Print view of the catalogue: every measure the shared filter URL selects, in full."""
    measure_filter = selectors.MeasureFilter.from_querydict(request.GET)
    measures = selectors.measures(measure_filter=measure_filter).prefetch_related("steps", "links")
    catalogue = MeasureIndexPage.objects.live().first()
    return render(
        request, "toolbox/measures_print.html", {"measures": measures, "filter": measure_filter, "catalogue": catalogue}
    )


def kompass(request):
    """The guided Kompass: town type and problem situations in, ranked instruments and more out."""
    query = selectors.KompassQuery.from_params(
        request.GET.get("town_type", ""), request.GET.getlist("problem"), request.GET.get("city", "")
    )
    asked = bool(request.GET)
    if asked and not query.errors:
        if not query.town_type:
            query.errors["town_type"] = "Bitte wählen Sie Ihren Stadttyp."
        if not query.problems:
            query.errors["problem"] = "Bitte wählen Sie mindestens eine Problemlage."
    result = None
    if query.is_complete:
        result = selectors.kompass_result(query)
        selectors.count_kompass_request(query, client=client_address(request))
    context = {
        "query": query,
        "result": result,
        "town_types": TownType.choices,
        "problems": KompassProblem.choices,
        "problem_labels": dict(KompassProblem.choices),
        "town_label": dict(TownType.choices).get(query.town_type, ""),
        "kompass_page": KompassPage.objects.live().first(),
    }
    return render(request, "toolbox/kompass.html", context, status=400 if query.errors else 200)


def may_see_kompass_stats(user):
    """Alliance editors (admin users without a partner organisation) and superusers."""
    return user.is_superuser or (user.has_perm("wagtailadmin.access_admin") and partner_for_user(user) is None)


def kompass_stats(request):
    """Admin view (registered in wagtail_hooks): which problem situations are asked for most, counts only."""
    if not may_see_kompass_stats(request.user):
        raise PermissionDenied("Nur die Bündnisredaktion sieht die Kompass-Statistik.")
    labels = dict(KompassProblem.choices)
    rows = [{"label": labels.get(r["problem"], r["problem"]), "total": r["total"]} for r in selectors.kompass_statistics()]
    return render(request, "toolbox/admin/kompass_stats.html", {"rows": rows})
