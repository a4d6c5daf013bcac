"""The one rule of isolation between partners: a partner's people reach only what belongs to their
organisation; alliance editors (users without a partner membership) and superusers reach everything.

Every model owned by a partner (support offers, premises, inquiries, occupancy units, heat plans, ...)
registers a ``PartnerOwnedPermissionPolicy`` with ``wagtail.permissions.register_permission_policy``;
Wagtail's listings, edit views, choosers and our APIs all ask that policy, so no view filters by hand.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.permission_policies.base import ModelPermissionPolicy

from partners.selectors import partner_for_user


class PartnerOwnedPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions, narrowed to the user's own partner's instances.

    ``owner_field`` is the lookup from the model to its owning ``Partner`` (``"provider"``,
    ``"lister"``, ``"premises__lister"``, ``"municipality"``, or ``"pk"`` for ``Partner`` itself).
    """

    def __init__(self, model, owner_field="provider", **kwargs):
        super().__init__(model, **kwargs)
        self.owner_field = owner_field

    def owner_q(self, user):
        """The filter that limits ``user`` to their organisation's instances (empty for editors)."""
        if user.is_superuser:
            return Q()
        partner = partner_for_user(user)
        if partner is None:
            return Q()
        return Q(**{self.owner_field: partner.pk})  # by key: works for "pk" too

    def owned_by(self, user, queryset=None):
        queryset = self.model._default_manager.all() if queryset is None else queryset
        return queryset.filter(self.owner_q(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if instance.pk is None:
            return True
        return self.owned_by(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.owned_by(user)


def _register_partner_policies():
    from wagtail.permissions import register_permission_policy

    from partners.models import Partner, SupportOffer

    offers = PartnerOwnedPermissionPolicy(SupportOffer, owner_field="provider")
    partners = PartnerOwnedPermissionPolicy(Partner, owner_field="pk")
    register_permission_policy(SupportOffer, offers, exact_class=True)
    register_permission_policy(Partner, partners, exact_class=True)
    return offers, partners


# A partner's people reach their own organisation's offers, and their organisation's profile only.
offer_permission_policy, partner_permission_policy = _register_partner_policies()
