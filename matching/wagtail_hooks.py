"""Seekers in the admin: the saved searches (menu „Suchprofile“), for LEG staff with the view
permission: who looks for what, where, and whether they agreed to be contacted. Read-only by intent:
seekers change their own searches through their signed links. A listing's edit form gets the tab
„Passende Suchende“ (reverse matching) through the premises admin's tab hook."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from matching.models import SeekerProfile
from matching.panels import FittingSeekersPanel
from premises.wagtail_hooks import PREMISES_EDIT_TABS_HOOK


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """View and delete (e.g. on a seeker's request by phone), never add or change."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


seeker_permission_policy = ReadOnlyPermissionPolicy(SeekerProfile)
register_permission_policy(SeekerProfile, seeker_permission_policy, exact_class=True)


NO_CONSENT = "– (keine Einwilligung zur Kontaktaufnahme: die Adresse bleibt verborgen)"


class SeekerInspectView(InspectView):
    """A seeker's address shows only if they agreed to be contacted (the matching panel of a
    listing follows the same rule)."""

    def get_email_display_value(self):
        return self.object.email if self.object.allow_contact else NO_CONSENT


class SeekerProfileViewSet(SnippetViewSet):
    inspect_view_class = SeekerInspectView
    model = SeekerProfile
    icon = "user"
    menu_label = "Suchprofile"
    menu_order = 252  # beside „Flächenbörse“
    add_to_admin_menu = True
    list_display = ["__str__", "kind_label", "sector", "city", "allow_contact", "confirmed_at", "unsubscribed_at"]
    list_filter = ["allow_contact", "kind"]
    search_fields = ["city", "sector", "text", "email"]
    search_backend_name = None  # database search: seekers are never in the search index
    inspect_view_enabled = True
    ordering = ["-created_at"]
    panels = [
        FieldPanel(name, read_only=True)
        for name in ("kind", "stage", "sector", "use_types", "city", "radius_km", "area_min", "area_max", "rent_max",
                     "features", "interim_use", "needs", "available_by", "text", "email", "allow_contact",
                     "confirmed_at", "unsubscribed_at", "last_alert_at")
    ]


register_snippet(SeekerProfileViewSet)


@hooks.register(PREMISES_EDIT_TABS_HOOK)
def fitting_seekers_tab():
    return [ObjectList([FittingSeekersPanel()], heading="Passende Suchende")]
