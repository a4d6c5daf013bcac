"""Partner organisations of the alliance, their people, and the support offers they maintain."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from common.vocabularies import OfferCost, SeekerKind, Stage, SupportCategory, labels


class Partner(models.Model):
    """An organisation of the alliance: ThEx, LEG, a chamber, a city, an agency."""

    class Kind(models.TextChoices):
        STATE_AGENCY = "state_agency", "Landeseinrichtung"
        CHAMBER = "chamber", "Kammer"
        MUNICIPALITY = "municipality", "Kommune"
        AGENCY = "agency", "Agentur"
        ASSOCIATION = "association", "Verband / Verein"

    name = models.CharField("Name", max_length=200, unique=True)
    slug = models.SlugField("Kurzname (URL)", max_length=200, unique=True, blank=True)
    kind = models.CharField("Art", max_length=20, choices=Kind.choices, default=Kind.AGENCY)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Logo",
    )
    description = models.TextField("Beschreibung", blank=True)
    region = models.CharField("Region", max_length=200, blank=True, help_text="z. B. Thüringen, Ostthüringen, Jena")
    # Which town's vacancy reports and units this organisation receives: set by the office only
    # (partners.forms.PartnerAdminForm), never derived from the name a partner gives itself.
    town = models.CharField(
        "Zuständig für Stadt/Gemeinde", max_length=100, blank=True, db_index=True,
        help_text="Nur für Kommunen, nur die Geschäftsstelle setzt es: Leerstandsmeldungen und Einheiten dieses Orts "
                  "(Ortsname wie im Ortsverzeichnis, z. B. „Erfurt“) gehen an diese Organisation.",
    )
    website = models.URLField("Website", blank=True)
    contact_name = models.CharField("Ansprechperson", max_length=200, blank=True)
    contact_email = models.EmailField("Kontakt-E-Mail (öffentlich)", blank=True)
    contact_phone = models.CharField("Telefon (öffentlich)", max_length=50, blank=True)
    address = models.TextField("Anschrift", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "Partnerorganisation"
        verbose_name_plural = "Partnerorganisationen"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name.replace("ü", "ue").replace("ä", "ae").replace("ö", "oe").replace("ß", "ss"))[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("partners:partner_detail", args=[self.slug])


class PartnerMembership(models.Model):
    """A person who acts for a partner organisation; they see only that organisation's things."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_membership",
        verbose_name="Benutzer",
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="memberships", verbose_name="Partner")

    class Meta:
        verbose_name = "Mitgliedschaft"
        verbose_name_plural = "Mitgliedschaften"

    def __str__(self):
        return f"{self.user} – {self.partner}"


class SupportOfferTag(TaggedItemBase):
    content_object = ParentalKey("partners.SupportOffer", on_delete=models.CASCADE, related_name="tagged_items")


class SupportOffer(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A support offer of a partner (consulting, funding, workshops, ...), in the contract's vocabularies.

    Multi-valued vocabulary fields are JSON lists of codes. Draft state and revisions carry the
    approval step: a partner's change is a draft revision until an alliance editor publishes it;
    the database row (``live``) stays the last approved version, which is what the public sees.
    """

    external_id = models.CharField("Externe ID", max_length=100, unique=True, null=True, blank=True)
    provider = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="offers", verbose_name="Anbieter")
    title = models.CharField("Titel", max_length=255)
    description = models.TextField("Beschreibung", blank=True)
    categories = models.JSONField("Kategorien", default=list)
    target_groups = models.JSONField("Zielgruppen", default=list)
    stages = models.JSONField("Phasen", default=list, blank=True, help_text="leer = alle Phasen")
    statewide = models.BooleanField("ganz Thüringen", default=True)
    municipalities = models.JSONField("Kommunen", default=list, blank=True)
    cost = models.CharField("Kosten", max_length=20, choices=OfferCost.choices, blank=True)
    funding_share = models.CharField("Förderanteil", max_length=50, blank=True)
    url = models.URLField("Link", blank=True)
    contact_email = models.EmailField("Kontakt-E-Mail", blank=True)
    valid_from = models.DateField("gültig ab", null=True, blank=True)
    valid_until = models.DateField("gültig bis", null=True, blank=True)
    tags = ClusterTaggableManager("Schlagwörter", through=SupportOfferTag, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = "Unterstützungsangebot"
        verbose_name_plural = "Unterstützungsangebote"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:offer_detail", args=[self.pk])

    @property
    def category_labels(self):
        return labels(SupportCategory, self.categories)

    @property
    def target_group_labels(self):
        return labels(SeekerKind, self.target_groups)

    @property
    def stage_labels(self):
        return labels(Stage, self.stages)

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < timezone.localdate()

    @property
    def approval_status(self) -> str:
        """What the partner sees in the admin listing: where their offer stands in the approval."""
        state = self.current_workflow_state
        if state is not None and state.status == state.STATUS_IN_PROGRESS:
            return "wartet auf Freigabe"
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            return "Änderungen angefordert"
        if self.is_expired:
            return "abgelaufen"
        if not self.live:
            return "Entwurf (noch nicht zur Freigabe eingereicht)"
        if self.has_unpublished_changes:
            return "online; Änderungen noch nicht eingereicht"
        return "freigegeben (online)"

    approval_status.fget.short_description = "Freigabe"

    @property
    def region_label(self):
        return "ganz Thüringen" if self.statewide else ", ".join(self.municipalities)
