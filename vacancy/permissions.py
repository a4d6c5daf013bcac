"""Town isolation: a town's people reach only their own town's units, reports, target mixes and
contact log; alliance editors everything. The one partner rule (partners.permissions)."""

from __future__ import annotations

from wagtail.permissions import register_permission_policy

from partners.permissions import PartnerOwnedPermissionPolicy
from vacancy.models import ContactLogEntry, TargetMix, Unit, VacancyReport

unit_policy = PartnerOwnedPermissionPolicy(Unit, owner_field="municipality")
report_policy = PartnerOwnedPermissionPolicy(VacancyReport, owner_field="municipality")
mix_policy = PartnerOwnedPermissionPolicy(TargetMix, owner_field="municipality")
contact_policy = PartnerOwnedPermissionPolicy(ContactLogEntry, owner_field="municipality")

for _model, _policy in (
    (Unit, unit_policy), (VacancyReport, report_policy), (TargetMix, mix_policy), (ContactLogEntry, contact_policy),
):
    register_permission_policy(_model, _policy, exact_class=True)

READ = ["view", "change", "add", "delete"]
