"""Who may manage which listings: partner people (LEG, cities) their own partner's listings and
the inquiries about them; alliance editors everything. The same policy as partners' offers."""

from __future__ import annotations

from wagtail.permissions import register_permission_policy

from partners.permissions import PartnerOwnedPermissionPolicy
from premises.models import Premises, PremisesInquiry

premises_permission_policy = PartnerOwnedPermissionPolicy(Premises, owner_field="lister")
inquiry_permission_policy = PartnerOwnedPermissionPolicy(PremisesInquiry, owner_field="premises__lister")

# Every admin view of these models (listing, edit, delete, inspect, choosers) asks this policy.
register_permission_policy(Premises, premises_permission_policy, exact_class=True)
register_permission_policy(PremisesInquiry, inquiry_permission_policy, exact_class=True)
