"""Who may manage which listings: partner people (LEG, cities) their own partner's listings and
the inquiries about them; alliance editors everything. The same policy as partners' offers."""

from __future__ import annotations

from django.db.models import Q
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from matching.models import Premises, PremisesInquiry

try:  # the shared policy of the partners app
    from partners.permissions import PartnerOwnedPermissionPolicy
except ImportError:  # pragma: no cover - until partners/permissions.py lands
    PartnerOwnedPermissionPolicy = None

try:
    from partners.selectors import partner_for_user
except ImportError:  # pragma: no cover
    def partner_for_user(user):
        membership = getattr(user, "partner_membership", None) if user.is_authenticated else None
        return membership.partner if membership else None


def partner_of(user):
    """The partner organisation ``user`` acts for, or None (alliance editors)."""
    if not user.is_authenticated:
        return None
    try:
        return partner_for_user(user)
    except Exception:  # noqa: BLE001 - no membership
        return None


class _FallbackPartnerOwnedPolicy(ModelPermissionPolicy):
    """Model permissions plus: a partner's people only reach their partner's instances."""

    def __init__(self, model, owner_field="provider", **kwargs):
        super().__init__(model, **kwargs)
        self.owner_field = owner_field

    def _owner_q(self, user):
        partner = partner_of(user)
        if user.is_superuser or partner is None:
            return Q()
        return Q(**{self.owner_field: partner})

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        return self.model._default_manager.filter(self._owner_q(user), pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(self._owner_q(user))


_Policy = PartnerOwnedPermissionPolicy or _FallbackPartnerOwnedPolicy

premises_permission_policy = _Policy(Premises, owner_field="lister")
inquiry_permission_policy = _Policy(PremisesInquiry, owner_field="premises__lister")

# Every admin view of these models (listing, edit, delete, inspect, choosers) asks this policy.
register_permission_policy(Premises, premises_permission_policy, exact_class=True)
register_permission_policy(PremisesInquiry, inquiry_permission_policy, exact_class=True)
