"""Admin wiring of the toolbox: Kompass content as snippets, heat plans under the partner isolation
policy, and the editors' view of which Kompass problems are asked for most."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from toolbox import views
from toolbox.forms import kompass_admin_form
from toolbox.models import KompassInstrumentEntry, KompassProblemEntry


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


@hooks.register("register_admin_menu_item")
def register_kompass_stats_menu_item():
    return MenuItem("Kompass-Anfragen", reverse("toolbox_kompass_stats"), icon_name="list-ol", order=900)
