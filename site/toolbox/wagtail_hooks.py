"""Admin wiring of the toolbox: Kompass content as snippets, heat plans under the partner isolation
policy, and the editors' view of which Kompass problems are asked for most."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from toolbox import views
from toolbox.forms import kompass_admin_form
from toolbox.models import KompassInstrumentEntry, KompassProblemEntry, MeasurePage
from toolbox.permissions import heat_plan_policy


class KompassProblemViewSet(SnippetViewSet):
    model = KompassProblemEntry
    icon = "warning"
    list_display = ["__str__", "sponsor"]
    edit_handler = ObjectList(KompassProblemEntry.panels, base_form_class=kompass_admin_form(WagtailAdminModelForm))


class KompassInstrumentViewSet(SnippetViewSet):
    model = KompassInstrumentEntry
    icon = "cogs"
    list_display = ["__str__", "approach", "sponsor"]
    edit_handler = ObjectList(KompassInstrumentEntry.panels, base_form_class=kompass_admin_form(WagtailAdminModelForm))


class KompassViewSetGroup(SnippetViewSetGroup):
    items = (KompassProblemViewSet, KompassInstrumentViewSet)
    menu_icon = "site"
    menu_label = "Kompass"
    menu_name = "kompass"


register_snippet(KompassViewSetGroup)


@hooks.register("register_admin_urls")
def register_kompass_stats_url():
    return [path("kompass-statistik/", views.kompass_stats, name="toolbox_kompass_stats")]


@hooks.register("before_delete_page")
def keep_measures_that_plans_use(request, page):
    """A measure that municipalities have in their plans cannot be deleted (their worksheets would be lost)."""
    specific = page.specific
    if isinstance(specific, MeasurePage) and specific.worksheets.exists():
        count = specific.worksheets.count()
        messages.error(
            request,
            f"Maßnahme {specific.code} steht in {count} Hitzeschutzplan/-plänen von Kommunen und kann nicht gelöscht "
            "werden. Sie können sie stattdessen zurückziehen (Veröffentlichung aufheben).",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


class HeatPlansMenuItem(MenuItem):
    def is_shown(self, request):
        return heat_plan_policy.user_has_any_permission(request.user, ["view", "change"])


@hooks.register("register_admin_menu_item")
def register_heat_plans_menu_item():
    return HeatPlansMenuItem("Hitzeschutzpläne", reverse("toolbox:plan_home"), icon_name="doc-full", order=890)


class KompassStatsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_kompass_stats(request.user)


@hooks.register("register_admin_menu_item")
def register_kompass_stats_menu_item():
    return KompassStatsMenuItem("Kompass-Anfragen", reverse("toolbox_kompass_stats"), icon_name="list-ol", order=900)
