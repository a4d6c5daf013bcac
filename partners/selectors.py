"""Read-side helpers of the partners app."""

from __future__ import annotations


def partner_for_user(user):
    """The partner organisation ``user`` acts for, or None (anonymous, alliance editors, superusers)."""
    if not getattr(user, "is_authenticated", False):
        return None
    membership = getattr(user, "partner_membership", None)
    return membership.partner if membership else None
