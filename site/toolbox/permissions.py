"""Isolation of heat plans between municipalities: the partners app's one policy, registered for the
plan and its worksheets. Views and exports ask these policies, never filter by hand."""

from wagtail.permissions import register_permission_policy

from partners.permissions import PartnerOwnedPermissionPolicy
from toolbox.models import HeatPlan, PlanMeasure

heat_plan_policy = PartnerOwnedPermissionPolicy(HeatPlan, owner_field="municipality")
worksheet_policy = PartnerOwnedPermissionPolicy(PlanMeasure, owner_field="plan__municipality")

register_permission_policy(HeatPlan, heat_plan_policy, exact_class=True)
register_permission_policy(PlanMeasure, worksheet_policy, exact_class=True)
