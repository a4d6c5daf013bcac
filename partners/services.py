"""Writes of the partners app: roles of partner people and alliance editors, the approval workflow.

Plain functions, used by the post-migrate setup, seed_demo and the tests alike.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from partners.models import Partner, PartnerMembership, SupportOffer

PARTNER_GROUP = "Partnerorganisationen"
EDITOR_GROUP = "Bündnisredaktion"
WORKFLOW_NAME = "Freigabe Unterstützungsangebote"
APPROVAL_TASK_NAME = "Freigabe durch die Bündnisredaktion"

# A partner's people: their own organisation's profile and offers (never publish: that is approval).
PARTNER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("partners", "change_partner"),
    ("partners", "view_partner"),
    ("partners", "add_supportoffer"),
    ("partners", "change_supportoffer"),
    ("partners", "delete_supportoffer"),
    ("partners", "view_supportoffer"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]

# Alliance editors: every partner and offer, and the approval (publish).
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("partners", "add_partner"),
    ("partners", "change_partner"),
    ("partners", "delete_partner"),
    ("partners", "view_partner"),
    ("partners", "add_partnermembership"),
    ("partners", "change_partnermembership"),
    ("partners", "delete_partnermembership"),
    ("partners", "view_partnermembership"),
    ("partners", "add_supportoffer"),
    ("partners", "change_supportoffer"),
    ("partners", "delete_supportoffer"),
    ("partners", "view_supportoffer"),
    ("partners", "publish_supportoffer"),
    ("partners", "lock_supportoffer"),
    ("partners", "unlock_supportoffer"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def _group(name, pairs) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions(pairs))
    return group


def partner_group() -> Group:
    return _group(PARTNER_GROUP, PARTNER_PERMISSIONS)


def editor_group() -> Group:
    return _group(EDITOR_GROUP, EDITOR_PERMISSIONS)


def ensure_offer_workflow():
    """The approval workflow of support offers: one task, approved by the alliance editors.

    Idempotent; runs after every migrate, so a fresh installation moderates offers from the start.
    """
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

    editors = editor_group()
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(SupportOffer), defaults={"workflow": workflow}
    )
    return workflow


def ensure_roles():
    """Both groups and the approval workflow (idempotent)."""
    partner_group()
    editor_group()
    ensure_offer_workflow()


@transaction.atomic
def add_partner_person(user, partner: Partner) -> PartnerMembership:
    """Make ``user`` one of ``partner``'s people: admin access to their organisation's profile and offers."""
    membership, _ = PartnerMembership.objects.update_or_create(user=user, defaults={"partner": partner})
    user.groups.add(partner_group())
    return membership


@transaction.atomic
def remove_partner_person(user) -> None:
    """``user`` no longer acts for a partner: membership and the partner role go."""
    PartnerMembership.objects.filter(user=user).delete()
    user.groups.remove(partner_group())


@transaction.atomic
def add_alliance_editor(user):
    """Make ``user`` an alliance editor: all partners and offers, and the approval of offers."""
    PartnerMembership.objects.filter(user=user).delete()
    user.groups.add(editor_group())
    return user
