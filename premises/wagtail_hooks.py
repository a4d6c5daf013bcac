"""Admin of the premises register: listings and inquiries as snippets (restricted to the user's
partner), the CSV import with preview, and "Als aktuell bestätigen"."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSetGroup

from partners.admin_viewsets import PartnerOwnedSnippetViewSet
from premises.admin_views import PremisesConfirmView, PremisesImportView
from premises.forms import PremisesAdminForm
from premises.models import Premises, PremisesInquiry
from premises.permissions import premises_permission_policy

CONFIRM_LABEL = "Als aktuell bestätigen"

# Apps above the premises register add tabs to a listing's edit form through this hook (matching:
# „Passende Suchende“); each hook function returns a list of panels.
PREMISES_EDIT_TABS_HOOK = "register_premises_edit_tabs"


class PremisesEditView(EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if premises_permission_policy.user_has_permission_for_instance(self.request.user, "change", self.object):
            buttons.append(HeaderButton(
                CONFIRM_LABEL, url=reverse("wagtailsnippets_premises_premises:confirm", args=[self.object.pk]),
                icon_name="check",
            ))
        return buttons


class PremisesViewSet(PartnerOwnedSnippetViewSet):
    model = Premises
    icon = "home"
    menu_label = "Flächen"
    list_display = ["title", "city", "status", "lister", "confirmed_at", "updated_at"]
    list_filter = ["status", "interim_use", "lister"]
    search_fields = ["title", "city", "external_id", "street"]
    search_backend_name = None  # database search: the listing shows the user's own listings only
    ordering = ["-updated_at"]
    edit_view_class = PremisesEditView
    tabs = [
        ObjectList([
            FieldPanel("title"),
            FieldPanel("external_id"),
            FieldPanel("description"),
            FieldPanel("use_types"),
            FieldRowPanel([FieldPanel("area_sqm"), FieldPanel("rent_month_eur")]),
            FieldRowPanel([FieldPanel("available_from"), FieldPanel("interim_use")]),
            FieldPanel("features"),
        ], heading="Angebot"),
        ObjectList([
            FieldPanel("street"),
            FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        ], heading="Lage"),
        ObjectList([
            InlinePanel("gallery_images", heading="Bildergalerie", label="Bild"),
            FieldPanel("floor_plan"),
        ], heading="Bilder und Grundriss"),
        ObjectList([
            FieldPanel("status"),
            FieldPanel("lister"),
            FieldPanel("contact_email"),
            FieldPanel("confirmed_at", read_only=True),
            FieldPanel("loaded_updated_at"),  # hidden: no silent overwrite of another save
        ], heading="Verwaltung"),
    ]

    def get_edit_handler(self):
        """The register's own tabs, then those of the apps above it (read when first needed, after
        every app's wagtail_hooks have been loaded)."""
        extra = [tab for tabs in hooks.get_hooks(PREMISES_EDIT_TABS_HOOK) for tab in tabs()]
        return TabbedInterface([*self.tabs, *extra], base_form_class=PremisesAdminForm).bind_to_model(self.model)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("lister")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("confirm/<int:pk>/", PremisesConfirmView.as_view(), name="confirm"),
        ]


class PremisesInquiryViewSet(PartnerOwnedSnippetViewSet):
    model = PremisesInquiry
    icon = "mail"
    menu_label = "Anfragen"
    list_display = ["name", "premises", "email", "created_at", "mailed_to_contact"]
    search_fields = ["name", "email", "message"]
    search_backend_name = None
    inspect_view_enabled = True
    ordering = ["-created_at"]
    panels = [
        FieldPanel("premises", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("phone", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("created_at", read_only=True),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("premises")


class PremisesGroup(SnippetViewSetGroup):
    items = (PremisesViewSet, PremisesInquiryViewSet)
    menu_label = "Flächenbörse"
    menu_icon = "home"
    menu_order = 250


register_snippet(PremisesGroup)


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return premises_permission_policy.user_has_permission(request.user, "add")


class PremisesImportViewSet(ViewSet):
    name = "flaechen-import"
    url_namespace = "premises_import"
    icon = "upload"
    menu_label = "Flächen importieren"
    menu_order = 251
    add_to_admin_menu = True

    @property
    def menu_item_class(self):
        return _ImportMenuItem

    def get_urlpatterns(self):
        return [path("", PremisesImportView.as_view(), name="index")]


@hooks.register("register_admin_viewset")
def register_premises_import():
    return PremisesImportViewSet()


@hooks.register("register_snippet_listing_buttons")
def premises_confirm_button(snippet, user, next_url=None):
    if isinstance(snippet, Premises) and premises_permission_policy.user_has_permission_for_instance(
        user, "change", snippet
    ):
        yield ListingButton(
            CONFIRM_LABEL, reverse("wagtailsnippets_premises_premises:confirm", args=[snippet.pk]),
            icon_name="check", priority=15,
        )
