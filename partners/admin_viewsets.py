"""Wagtail admin for models owned by a partner organisation.

Wagtail's generic views check model permissions, but load single objects by primary key without
asking the permission policy about the instance. ``PartnerOwnedSnippetViewSet`` closes that gap
once for every partner-owned snippet: each view of one object (edit, delete, inspect, history,
usage, copy, revisions, workflow, ...) first asks the registered ``PartnerOwnedPermissionPolicy``
whether the object belongs to the user's organisation, and the listing shows only such objects.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from partners.permissions import PartnerOwnedPermissionPolicy


def _owned(model, user):
    return policy_registry.get_by_type(model).owned_by(user)


class _OwnedChooserListMixin:
    def get_object_list(self):
        return _owned(self.model_class, self.request.user)


class OwnedChooseView(_OwnedChooserListMixin, ChooseView):
    pass


class OwnedChooseResultsView(_OwnedChooserListMixin, ChooseResultsView):
    pass


class OwnedChosenView(SnippetChosenView):
    def get_object(self, pk):
        return _owned(self.model_class, self.request.user).get(pk=pk)


class OwnedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return _owned(self.model_class, self.request.user).filter(pk__in=pks)


class PartnerOwnedChooserViewSet(SnippetChooserViewSet):
    """The chooser modal (list, search, chosen) shows only the user's organisation's objects."""

    choose_view_class = OwnedChooseView
    choose_results_view_class = OwnedChooseResultsView
    chosen_view_class = OwnedChosenView
    chosen_multiple_view_class = OwnedChosenMultipleView


class PartnerOwnedSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = PartnerOwnedChooserViewSet

    @property
    def ownership_policy(self) -> PartnerOwnedPermissionPolicy:
        policy = policy_registry.get_by_type(self.model)
        if not isinstance(policy, PartnerOwnedPermissionPolicy):
            raise TypeError(f"{self.model.__name__} needs a registered PartnerOwnedPermissionPolicy.")
        return policy

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if queryset is None:
            queryset = self.model._default_manager.all()
        return self.ownership_policy.owned_by(request.user, queryset)

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        viewset = self

        @wraps(view)
        def owned_objects_only(request, *args, **view_kwargs):
            pk = view_kwargs.get("pk")
            if pk is not None and not viewset.ownership_policy.owned_by(request.user).filter(
                pk=unquote(str(pk))
            ).exists():
                raise Http404("Nicht gefunden oder nicht Ihre Organisation.")  # existence is not revealed
            return view(request, *args, **view_kwargs)

        return owned_objects_only
