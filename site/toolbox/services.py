"""Write side of the heat-protection planner: a municipality's plan, its worksheets and their history.

Every change goes through these functions so that the history (who, when, what) is never skipped.
"""

from __future__ import annotations

from django.db import transaction

from partners.models import Partner
from toolbox.models import HeatPlan, PlanChange, PlanMeasure, PlanStep

# Worksheet fields tracked in the history, in the order of the worksheet.
WORKSHEET_FIELDS = [
    "decision",
    "working_note",
    "project_sketch",
    "effort",
    "effort_note",
    "cost",
    "cost_note",
    "responsible_bodies",
    "participating_actors",
    "groundwork",
    "locations",
]
STEP_FIELDS = ["title", "status", "due_date"]


MUNICIPALITY_GROUP = "Kommunen – Hitzeschutzplan"


def municipality_group():
    """The group that lets a municipality's people work on their own heat plan (the isolation policy
    narrows it to their municipality)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=MUNICIPALITY_GROUP)
    models = ("heatplan", "planmeasure", "planstep")
    codenames = [f"{action}_{model}" for action in ("add", "change", "view") for model in models]
    codenames += ["delete_planmeasure", "delete_planstep"]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="toolbox", codename__in=codenames))
    return group


EDITOR_TOOLBOX_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("heatplan", "planmeasure", "planstep", "kompassinstrumententry", "kompassproblementry")
    for action in ("add", "change", "delete", "view")
]


def ensure_roles():
    """After migrate: the municipalities' planner group exists, and the alliance editors (the partners
    app's editor group) may see every plan and maintain the Kompass."""
    from django.contrib.auth.models import Permission

    from partners.services import editor_group

    municipality_group()
    editor_group().permissions.add(
        *Permission.objects.filter(content_type__app_label="toolbox", codename__in=EDITOR_TOOLBOX_PERMISSIONS)
    )


def grant_planner_role(membership):
    """People of a municipality may work on their municipality's plan (the policy keeps them there)."""
    if membership.partner.kind == Partner.Kind.MUNICIPALITY:
        membership.user.groups.add(municipality_group())


class PlanError(Exception):
    """A request the planner refuses, with a German message for the person."""


def _user_name(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_full_name() or user.get_username()


def log_change(plan, user, action, *, measure_code="", details=None):
    return PlanChange.objects.create(
        plan=plan,
        measure_code=measure_code,
        user=user if getattr(user, "is_authenticated", False) else None,
        user_name=_user_name(user),
        action=action,
        details=details or [],
    )


def plan_for_municipality(municipality: Partner, user=None) -> HeatPlan:
    """The municipality's one plan, created on first use."""
    if municipality.kind != Partner.Kind.MUNICIPALITY:
        raise PlanError("Einen Hitzeschutzplan können nur Kommunen anlegen.")
    plan, created = HeatPlan.objects.get_or_create(municipality=municipality)
    if created:
        log_change(plan, user, "Hitzeschutzplan angelegt")
    return plan


@transaction.atomic
def add_measure(plan: HeatPlan, measure, user) -> PlanMeasure:
    """Adds a catalogue measure to the plan: the worksheet starts with the catalogue's effort, cost and steps."""
    existing = plan.worksheets.filter(measure=measure).first()
    if existing:
        return existing
    worksheet = PlanMeasure.objects.create(plan=plan, measure=measure, effort=measure.effort, cost=measure.cost)
    PlanStep.objects.bulk_create(
        PlanStep(worksheet=worksheet, position=number, title=step.title[:255])
        for number, step in enumerate(measure.steps.all(), start=1)
    )
    log_change(plan, user, f"Maßnahme {measure.code} aufgenommen", measure_code=measure.code)
    HeatPlan.objects.filter(pk=plan.pk).update(updated_at=worksheet.updated_at)
    return worksheet


@transaction.atomic
def remove_measure(worksheet: PlanMeasure, user):
    plan, code = worksheet.plan, worksheet.measure.code
    worksheet.delete()
    log_change(plan, user, f"Maßnahme {code} aus dem Plan entfernt", measure_code=code)


def _display(instance, field_name):
    value = getattr(instance, field_name)
    if value in (None, ""):
        return ""
    getter = getattr(instance, f"get_{field_name}_display", None)
    if getter:
        return str(getter())
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _short(text, limit=160):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def save_worksheet(worksheet: PlanMeasure, form, step_formset, user) -> PlanChange | None:
    """Stores a validated worksheet form and its steps; records what changed. None when nothing changed."""
    stored = PlanMeasure.objects.get(pk=worksheet.pk)  # the form's validation already changed ``worksheet``
    before = {name: _display(stored, name) for name in WORKSHEET_FIELDS}
    worksheet = form.save(commit=False)
    details = []
    for name in WORKSHEET_FIELDS:
        after = _display(worksheet, name)
        if after != before[name]:
            label = str(PlanMeasure._meta.get_field(name).verbose_name)
            details.append({"field": label, "old": _short(before[name]), "new": _short(after)})
    worksheet.save()

    steps_before = {step.pk: {f: _display(step, f) for f in STEP_FIELDS} for step in worksheet.steps.all()}
    steps = step_formset.save(commit=False)
    for step in step_formset.deleted_objects:
        details.append({"field": "Umsetzungsschritt entfernt", "old": _short(step.title), "new": ""})
        step.delete()
    next_position = max([s.position for s in worksheet.steps.all()] + [0]) + 1
    for step in steps:
        if step.pk is None:
            step.worksheet = worksheet
            step.position = next_position
            next_position += 1
            details.append({"field": "Umsetzungsschritt hinzugefügt", "old": "", "new": _short(step.title)})
        else:
            old = steps_before.get(step.pk, {})
            for f in STEP_FIELDS:
                if _display(step, f) != old.get(f, ""):
                    label = str(PlanStep._meta.get_field(f).verbose_name)
                    details.append(
                        {"field": f"{label} „{_short(step.title, 60)}“", "old": old.get(f, ""), "new": _display(step, f)}
                    )
        step.save()
    if not details:
        return None
    HeatPlan.objects.filter(pk=worksheet.plan_id).update(updated_at=worksheet.updated_at)
    return log_change(
        worksheet.plan, user, f"Arbeitsblatt {worksheet.measure.code} bearbeitet",
        measure_code=worksheet.measure.code, details=details,
    )
