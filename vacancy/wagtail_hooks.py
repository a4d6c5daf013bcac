"""Admin of vacancy management: the occupancy register, the report queue, target mixes and the
contact log as snippets (each narrowed to the user's town by the town policy), plus the unit
dossier, "Als Fläche anbieten" and report processing, and menu links to dashboard and early warning."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from partners.admin_viewsets import PartnerOwnedSnippetViewSet
from vacancy.admin_views import ReportProcessView, UnitDossierView, UnitListingView, UnitsImportView
from vacancy.forms import TownOwnedAdminForm, UnitAdminForm
from vacancy.models import ContactLogEntry, TargetMix, Unit, VacancyReport
from vacancy.permissions import report_policy, unit_policy


class TownScopedViewSet(PartnerOwnedSnippetViewSet):
    """Each town's people see and open only their own town's objects (the shared partner guard)."""

    search_backend_name = None  # database search: the listing shows the user's own town only
    related = ["municipality"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.related)


class UnitViewSet(TownScopedViewSet):
    model = Unit
    icon = "home"
    menu_label = "Gewerbeeinheiten"
    list_display = ["__str__", "zone", "use", "business_name", "vacant_since", "soon_vacant_from"]
    list_filter = ["use", "floor", "city"]
    search_fields = ["street", "business_name", "external_id", "zone"]
    ordering = ["city", "street", "house_number"]
    edit_handler = ObjectList([
        MultiFieldPanel([
            FieldPanel("municipality"), FieldPanel("external_id"),
            FieldRowPanel([FieldPanel("street"), FieldPanel("house_number")]),
            FieldRowPanel([FieldPanel("city"), FieldPanel("zone"), FieldPanel("floor")]),
            FieldRowPanel([FieldPanel("area_sqm"), FieldPanel("latitude"), FieldPanel("longitude")]),
        ], heading="Lage"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("use"), FieldPanel("business_name"), FieldPanel("vacant_since")]),
            FieldRowPanel([FieldPanel("soon_vacant_from"), FieldPanel("soon_vacant_reason"), FieldPanel("takeover_possible")]),
        ], heading="Nutzung"),
        MultiFieldPanel([FieldPanel("owner_name"), FieldPanel("owner_contact")], heading="Eigentümer (nicht öffentlich)"),
        FieldPanel("loaded_updated_at"),  # hidden: no silent overwrite of another save
    ], base_form_class=UnitAdminForm)


class ReportViewSet(TownScopedViewSet):
    model = VacancyReport
    icon = "warning"
    menu_label = "Meldungen (Warteschlange)"
    list_display = ["__str__", "status", "soon_vacant_from", "created_at"]
    list_filter = ["status", "city"]
    search_fields = ["street", "city", "note"]
    ordering = ["status", "-created_at"]
    add_view_enabled = False
    panels = [
        FieldPanel("city", read_only=True), FieldPanel("street", read_only=True),
        FieldPanel("house_number", read_only=True), FieldPanel("note", read_only=True),
        FieldPanel("soon_vacant_from", read_only=True), FieldPanel("status", read_only=True),
        FieldPanel("unit", read_only=True), FieldPanel("created_at", read_only=True),
    ]


class TargetMixViewSet(TownScopedViewSet):
    model = TargetMix
    icon = "table"
    menu_label = "Zielmix"
    list_display = ["__str__", "city", "zone"]
    edit_handler = ObjectList([
        FieldPanel("municipality"), FieldRowPanel([FieldPanel("city"), FieldPanel("zone"), FieldPanel("name")]),
        InlinePanel("shares", heading="Zielanteile der Nutzungen", label="Zielanteil"),
    ], base_form_class=TownOwnedAdminForm)


class ContactLogViewSet(TownScopedViewSet):
    model = ContactLogEntry
    icon = "mail"
    menu_label = "Kontaktprotokoll"
    list_display = ["__str__", "unit", "with_whom", "summary", "next_step", "due_on"]
    list_filter = ["kind"]
    search_fields = ["summary", "with_whom", "next_step"]
    ordering = ["-happened_on"]
    related = ["municipality", "unit", "premises"]
    edit_handler = ObjectList([
        FieldPanel("municipality"), FieldRowPanel([FieldPanel("unit"), FieldPanel("premises")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("happened_on"), FieldPanel("with_whom")]),
        FieldPanel("summary"), FieldRowPanel([FieldPanel("next_step"), FieldPanel("due_on")]),
    ], base_form_class=TownOwnedAdminForm)


class VacancyGroup(SnippetViewSetGroup):
    items = (UnitViewSet, ReportViewSet, TargetMixViewSet, ContactLogViewSet)
    menu_label = "Leerstandsmanagement"
    menu_icon = "home"
    menu_order = 260


register_snippet(VacancyGroup)


@hooks.register("register_admin_urls")
def vacancy_admin_urls():
    return [
        path("leerstand/einheit/<int:pk>/", UnitDossierView.as_view(), name="vacancy_unit_dossier"),
        path("leerstand/einheit/<int:pk>/anbieten/", UnitListingView.as_view(), name="vacancy_unit_listing"),
        path("leerstand/meldung/<int:pk>/", ReportProcessView.as_view(), name="vacancy_report_process"),
        path("leerstand/import/", UnitsImportView.as_view(), name="vacancy_units_import"),
    ]


class _TownMenuItem(MenuItem):
    def is_shown(self, request):
        return unit_policy.user_has_any_permission(request.user, ["view", "change"])


@hooks.register("register_admin_menu_item")
def vacancy_dashboard_menu_item():
    return _TownMenuItem("Leerstands-Dashboard", reverse("vacancy:dashboard"), icon_name="table", order=261)


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return unit_policy.user_has_permission(request.user, "add")


@hooks.register("register_admin_menu_item")
def vacancy_units_import_menu_item():
    return _ImportMenuItem("Einheiten importieren", reverse("vacancy_units_import"), icon_name="upload", order=263)


@hooks.register("register_admin_menu_item")
def vacancy_portfolio_menu_item():
    return MenuItem("Portfolio-Exposé (PDF)", reverse("vacancy:portfolio"), icon_name="doc-full", order=264)


@hooks.register("register_admin_menu_item")
def vacancy_early_warning_menu_item():
    return _TownMenuItem("Frühwarnliste", reverse("vacancy:early_warning"), icon_name="warning", order=262)


@hooks.register("register_snippet_listing_buttons")
def vacancy_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Unit) and unit_policy.user_has_permission_for_instance(user, "change", snippet):
        yield ListingButton("Akte ansehen", reverse("vacancy_unit_dossier", args=[snippet.pk]), icon_name="doc-full",
                            priority=5)
        if (snippet.is_vacant or snippet.soon_vacant_from) and not snippet.premises_id:
            yield ListingButton("Als Fläche anbieten", reverse("vacancy_unit_listing", args=[snippet.pk]),
                                icon_name="home", priority=6)
    if isinstance(snippet, VacancyReport) and report_policy.user_has_permission_for_instance(user, "change", snippet):
        yield ListingButton("Bearbeiten (prüfen, zuordnen)", reverse("vacancy_report_process", args=[snippet.pk]),
                            icon_name="edit", priority=5)
