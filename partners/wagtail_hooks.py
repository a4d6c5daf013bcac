"""Admin of partners and their support offers (snippets), restricted by the registered policies:
a partner's people see and change only their own organisation's profile and offers; alliance
editors see everything and approve offers (workflow "Freigabe Unterstützungsangebote")."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, SnippetViewSet, SnippetViewSetGroup

from common.concurrency import SnippetEditView
from partners.admin_viewsets import PartnerOwnedSnippetViewSet
from partners.forms import PartnerAdminForm, SupportOfferAdminForm
from partners.models import Partner, PartnerMembership, SupportOffer

# Registers the policies before any admin view asks for them.
from partners.permissions import offer_permission_policy, partner_permission_policy  # noqa: F401
from partners.services import add_partner_person, remove_partner_person


class SupportOfferViewSet(PartnerOwnedSnippetViewSet):
    model = SupportOffer
    edit_view_class = SnippetEditView  # a partner's person and the office may edit one offer at once
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
    edit_handler = ObjectList([
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("town")]),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("region"),
        FieldPanel("website"),
        MultiFieldPanel([
            FieldPanel("contact_name"),
            FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            FieldPanel("address"),
        ], heading="Kontakt"),
    ], base_form_class=PartnerAdminForm)


class _MembershipSaveMixin:
    """Memberships made in the admin also give the person the partner role (group)."""

    def save_instance(self):
        instance = super().save_instance()
        add_partner_person(instance.user, instance.partner)
        return instance


class MembershipCreateView(_MembershipSaveMixin, CreateView):
    pass


class MembershipEditView(_MembershipSaveMixin, EditView):
    pass


class MembershipDeleteView(DeleteView):
    def delete_action(self):
        user = self.object.user
        super().delete_action()
        remove_partner_person(user)


class PartnerMembershipViewSet(SnippetViewSet):
    """Alliance editors decide who acts for which partner (partner people have no access here)."""

    model = PartnerMembership
    icon = "user"
    menu_label = "Partner-Zugänge"
    list_display = ["user", "partner"]
    list_filter = ["partner"]
    search_fields = ["user__username", "user__email", "partner__name"]
    search_backend_name = None
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView
    panels = [FieldPanel("user"), FieldPanel("partner")]


class PartnersGroup(SnippetViewSetGroup):
    items = (SupportOfferViewSet, PartnerViewSet, PartnerMembershipViewSet)
    menu_label = "Partner und Angebote"
    menu_icon = "group"
    menu_order = 240


register_snippet(PartnersGroup)
