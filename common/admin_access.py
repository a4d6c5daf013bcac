"""What an admin login may reach of a model: the objects its registered permission policy gives it
for any action, i.e. what the edit views would open (a partner's own offers, a town's own units, the
pages of the editor's part of the tree, the images of their collections). Views that Wagtail builds
outside the edit views (bulk-action confirmations, the site history) ask this too, so they never
show a label the edit view would refuse."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.permissions import policy_registry

MODEL_ACTIONS = ["add", "change", "delete", "view", "publish", "lock", "unlock"]
PAGE_ACTIONS = ["add", "change", "delete", "publish", "unpublish", "lock", "unlock", "bulk_delete"]


def reachable(user, model) -> QuerySet:
    if user.is_superuser:
        return model._default_manager.all()
    if issubclass(model, Page):
        pages = policy_registry.get_by_type(Page).instances_user_has_any_permission_for(user, PAGE_ACTIONS)
        return model._default_manager.filter(pk__in=pages.values("pk"))
    try:
        policy = policy_registry.get_by_type(model)
    except LookupError:
        return model._default_manager.none()
    return policy.instances_user_has_any_permission_for(user, MODEL_ACTIONS)


def reachable_log_entries(user, entries: QuerySet) -> QuerySet:
    """Site-history entries about objects the user may reach (Wagtail shows every entry of a
    model the user has any permission on: other towns' and partners' activity)."""
    if user.is_superuser:
        return entries
    if entries.model is PageLogEntry or issubclass(entries.model, PageLogEntry):
        return entries.filter(page__in=reachable(user, Page).values("pk"))
    if not issubclass(entries.model, ModelLogEntry):
        return entries.none()
    allowed = Q(pk__in=[])
    for content_type_id in entries.values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        ids = reachable(user, model).annotate(_id_text=Cast("pk", CharField())).values("_id_text")
        allowed |= Q(content_type_id=content_type_id, object_id__in=ids)
    return entries.filter(allowed)


def choosable_pages(user) -> QuerySet:
    """Pages the page chooser may list: every page for those who edit pages; for a partner's or a
    town's login (no page permissions) only live public pages, never drafts or restricted ones."""
    policy = policy_registry.get_by_type(Page)
    if user.is_superuser or policy.user_has_any_permission(user, PAGE_ACTIONS):
        return Page.objects.all()
    return Page.objects.live().public()
