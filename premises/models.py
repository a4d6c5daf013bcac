"""The premises register: vacant inner-city premises listed by LEG, cities and owners."""

from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class PremisesQuerySet(models.QuerySet):
    def public(self):
        """Listings visitors may see: published or reserved (reserved ones show as such)."""
        return self.filter(status__in=Premises.PUBLIC_STATUSES)


class Premises(ClusterableModel):
    """A vacant inner-city space offered for letting. Multi-valued codes are JSON lists."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Entwurf"
        PUBLISHED = "published", "veröffentlicht"
        RESERVED = "reserved", "reserviert"
        LET = "let", "vermietet"
        EXPIRED = "expired", "abgelaufen"

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.RESERVED)

    external_id = models.CharField("Externe ID", max_length=100, unique=True)
    title = models.CharField("Titel", max_length=255)
    description = models.TextField("Beschreibung", blank=True)
    street = models.CharField("Straße und Hausnummer", max_length=255, blank=True)
    postal_code = models.CharField("PLZ", max_length=10, blank=True)
    city = models.CharField("Kommune", max_length=120, db_index=True)
    latitude = models.FloatField("Breitengrad")
    longitude = models.FloatField("Längengrad")
    location_from_gazetteer = models.BooleanField(
        "Lage aus Ortsverzeichnis", default=False, help_text="ohne genaue Koordinaten: Ortsmitte der Kommune"
    )
    use_types = models.JSONField("Nutzungsarten", default=list)
    area_sqm = models.DecimalField("Fläche (m²)", max_digits=9, decimal_places=2)
    rent_month_eur = models.DecimalField(
        "Kaltmiete pro Monat (€)", max_digits=10, decimal_places=2, null=True, blank=True,
        help_text="leer = auf Anfrage",
    )
    available_from = models.DateField("verfügbar ab", null=True, blank=True, help_text="leer = sofort")
    features = models.JSONField("Ausstattung", default=list, blank=True)
    interim_use = models.BooleanField("Zwischennutzung möglich", default=False)
    contact_email = models.EmailField("Kontakt-E-Mail (nicht öffentlich)", blank=True)
    lister = models.ForeignKey(
        "partners.Partner", null=True, blank=True, on_delete=models.SET_NULL, related_name="premises",
        verbose_name="Anbieter (Partner)",
    )
    floor_plan = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Grundriss",
    )
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.PUBLISHED, db_index=True)
    confirmed_at = models.DateTimeField("zuletzt bestätigt", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PremisesQuerySet.as_manager()

    class Meta:
        db_table = "matching_premises"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="premises_location_idx")]
        verbose_name = "Fläche"
        verbose_name_plural = "Flächen"

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return self.status in self.PUBLIC_STATUSES

    def get_absolute_url(self):
        return premises_url(self.pk)


def premises_url(pk: int) -> str:
    """A listing's public page, without loading the listing (API rows, search documents)."""
    return reverse("premises:detail", args=[pk])


_PK_PLACEHOLDER = 987654321


def premises_url_maker():
    """``premises_url`` for the listings of one page: the route is reversed once, not per row
    (a reverse costs ~20 µs). Digits need no quoting, so the result equals ``premises_url``."""
    head, tail = reverse("premises:detail", args=[_PK_PLACEHOLDER]).rsplit(str(_PK_PLACEHOLDER), 1)
    return lambda pk: f"{head}{int(pk)}{tail}"


class PremisesImage(Orderable):
    premises = ParentalKey(Premises, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name="Bild")
    caption = models.CharField("Bildunterschrift", max_length=255, blank=True)

    class Meta(Orderable.Meta):
        db_table = "matching_premisesimage"
        verbose_name = "Bild"
        verbose_name_plural = "Bilder"


class PremisesInquiry(models.Model):
    """A visitor's inquiry about a listing; mailed to the listing's contact and kept for the lister."""

    premises = models.ForeignKey(
        Premises, on_delete=models.CASCADE, related_name="inquiries", verbose_name="Fläche"
    )
    name = models.CharField("Name", max_length=200)
    email = models.EmailField("E-Mail")
    phone = models.CharField("Telefon", max_length=50, blank=True)
    message = models.TextField("Nachricht", max_length=5000)
    mailed_to_contact = models.BooleanField("per E-Mail weitergeleitet", default=False)
    created_at = models.DateTimeField("eingegangen am", auto_now_add=True)

    class Meta:
        db_table = "matching_premisesinquiry"
        ordering = ["-created_at"]
        verbose_name = "Anfrage zu einer Fläche"
        verbose_name_plural = "Anfragen zu Flächen"

    def __str__(self):
        return f"{self.name} – {self.premises}"
