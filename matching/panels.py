"""Reverse matching in the admin: the saved seeker profiles a listing fits best, with reasons,
so LEG can approach them. E-mail addresses show only to users with the permission
to view seeker profiles, and only of seekers who agreed to be contacted."""

from __future__ import annotations

from wagtail.admin.panels import Panel

from matching.matchmaking import ListingFacts, fitting_seekers
from premises.models import Premises


class FittingSeekersPanel(Panel):
    def __init__(self, limit: int = 10, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "limit": self.limit}

    @property
    def clean_name(self):
        return super().clean_name or "fitting_seekers"

    class BoundPanel(Panel.BoundPanel):
        template_name = "matching/admin/fitting_seekers_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            fits = []
            if isinstance(instance, Premises) and instance.pk and instance.use_types:
                fits = fitting_seekers(ListingFacts.from_premises(instance), limit=self.panel.limit)
            context["fits"] = fits
            # Contact details only for alliance staff allowed to see seekers (LEG), never for listers.
            context["show_contact"] = self.request.user.has_perm("matching.view_seekerprofile")
            return context
