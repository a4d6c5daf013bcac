"""Admin of partners and their support offers (snippets), restricted by the registered policies:
a partner's people see and change only their own organisation's profile and offers; alliance
editors see everything and approve offers (workflow "Freigabe Unterstützungsangebote")."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from partners.admin_viewsets import PartnerOwnedSnippetViewSet
from partners.forms import SupportOfferAdminForm
from partners.models import Partner, SupportOffer

# Registers the policies before any admin view asks for them.
from partners.permissions import offer_permission_policy, partner_permission_policy  # noqa: F401


class SupportOfferViewSet(PartnerOwnedSnippetViewSet):
    model = SupportOffer
    icon = "help"
    menu_label = "Angebote"
    list_display = ["title", "provider", "approval_status", "valid_until"]
    list_filter = ["provider", "live", "cost"]
    search_fields = ["title", "description", "external_id"]
    search_backend_name = None  # database search on the user's own offers
    ordering = ["title"]
    edit_handler = TabbedInterface(
        [
            ObjectList([
                FieldPanel("title"),
                FieldPanel("provider"),
                FieldPanel("description"),
                FieldPanel("categories"),
                FieldPanel("target_groups"),
                FieldPanel("stages"),
                FieldPanel("tags"),
            ], heading="Angebot"),
            ObjectList([
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("funding_share")]),
                FieldRowPanel([FieldPanel("url"), FieldPanel("contact_email")]),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("external_id"),
            ], heading="Region, Kosten, Kontakt"),
        ],
        base_form_class=SupportOfferAdminForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("provider")


class PartnerViewSet(PartnerOwnedSnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partnerorganisationen"
    list_display = ["name", "kind", "region", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "description", "region"]
    search_backend_name = None
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("region"),
        FieldPanel("website"),
        MultiFieldPanel([
            FieldPanel("contact_name"),
            FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            FieldPanel("address"),
        ], heading="Kontakt"),
    ]


class PartnersGroup(SnippetViewSetGroup):
    items = (SupportOfferViewSet, PartnerViewSet)
    menu_label = "Partner und Angebote"
    menu_icon = "group"
    menu_order = 240


register_snippet(PartnersGroup)
