"""Town-centre vacancy management: every commercial unit of a town centre (occupied or vacant) with
the history of its uses, public vacancy reports, owner consents, target mixes and a contact log.

Everything belongs to a town (a ``partners.Partner`` of kind municipality) and is isolated between
towns by ``partners.permissions.PartnerOwnedPermissionPolicy`` (owner field ``municipality``).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from common.vocabularies import UseType

VACANT = "vacant"
USE_CHOICES = [*UseType.choices, (VACANT, "Leerstand")]
USE_LABELS = dict(USE_CHOICES)


class Floor(models.TextChoices):
    GROUND = "eg", "Erdgeschoss"
    UPPER = "og", "Obergeschoss"
    BASEMENT = "ug", "Untergeschoss"


class SoonVacantReason(models.TextChoices):
    LEASE_END = "lease_end", "Mietvertragsende"
    RETIREMENT = "retirement", "Ruhestand"
    SUCCESSION = "succession", "Nachfolge gesucht"
    RELOCATION = "relocation", "Umzug / Verlagerung"
    OTHER = "other", "sonstiger Grund"


class Unit(models.Model):
    """One commercial unit of a town centre (Besatz und Leerstand). ``use`` is a use-type code or
    ``vacant``; every change of use or business is kept in ``uses`` (the history)."""

    # Unique per town, not across towns: each town numbers its own units, and no town learns from
    # an import whether another town uses an id.
    external_id = models.CharField("Externe ID", max_length=100)
    municipality = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="vacancy_units", verbose_name="Kommune (Partner)",
    )
    city = models.CharField("Kommune", max_length=120, db_index=True)
    street = models.CharField("Straße", max_length=200)
    house_number = models.CharField("Hausnummer", max_length=20)
    floor = models.CharField("Geschoss", max_length=2, choices=Floor.choices, default=Floor.GROUND)
    zone = models.CharField("Zone / Quartier", max_length=120, blank=True, db_index=True,
                            help_text="z. B. Altstadt, Fußgängerzone")
    use = models.CharField("Nutzung", max_length=20, choices=USE_CHOICES, db_index=True)
    business_name = models.CharField("Geschäft / Betrieb", max_length=200, blank=True)
    vacant_since = models.DateField("leer seit", null=True, blank=True)
    soon_vacant_from = models.DateField(
        "voraussichtlich leer ab", null=True, blank=True, help_text="Frühwarnung: Mietende, Ruhestand, Nachfolge"
    )
    soon_vacant_reason = models.CharField(
        "Grund des drohenden Leerstands", max_length=20, choices=SoonVacantReason.choices, blank=True
    )
    takeover_possible = models.BooleanField(
        "Übernahme des Betriebs möglich", default=False, help_text="Nachfolgerinnen und Nachfolger zuerst vorschlagen"
    )
    area_sqm = models.DecimalField("Fläche (m²)", max_digits=9, decimal_places=2, null=True, blank=True)
    latitude = models.FloatField("Breitengrad", null=True, blank=True)
    longitude = models.FloatField("Längengrad", null=True, blank=True)
    owner_name = models.CharField("Eigentümer (nicht öffentlich)", max_length=200, blank=True)
    owner_contact = models.CharField("Kontakt des Eigentümers (nicht öffentlich)", max_length=200, blank=True)
    premises = models.OneToOneField(
        "premises.Premises", null=True, blank=True, on_delete=models.SET_NULL, related_name="vacancy_unit",
        verbose_name="Angebot in der Flächenbörse",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["city", "street", "house_number", "floor"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "external_id"], name="vacancy_unit_external_id_per_town"),
        ]
        verbose_name = "Gewerbeeinheit"
        verbose_name_plural = "Gewerbeeinheiten"

    def __str__(self):
        return f"{self.address} ({self.get_floor_display()}, {self.city})"

    @property
    def address(self) -> str:
        return f"{self.street} {self.house_number}".strip()

    @property
    def is_vacant(self) -> bool:
        return self.use == VACANT

    @property
    def use_label(self) -> str:
        return USE_LABELS.get(self.use, self.use)


class UnitUse(models.Model):
    """One period of a unit's history: a use (or vacancy) from ``started`` until ``ended``."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="uses", verbose_name="Einheit")
    use = models.CharField("Nutzung", max_length=20, choices=USE_CHOICES)
    business_name = models.CharField("Geschäft / Betrieb", max_length=200, blank=True)
    started = models.DateField("von", null=True, blank=True)
    ended = models.DateField("bis", null=True, blank=True)

    class Meta:
        ordering = ["unit", "-started", "-pk"]
        verbose_name = "Nutzungsphase"
        verbose_name_plural = "Nutzungshistorie"

    def __str__(self):
        return f"{USE_LABELS.get(self.use, self.use)} {self.business_name}".strip()


class ConsentChannel(models.TextChoices):
    WRITTEN = "written", "schriftlich"
    EMAIL = "email", "per E-Mail"
    PHONE = "phone", "telefonisch"
    IN_PERSON = "in_person", "im persönlichen Gespräch"


class OwnerConsent(models.Model):
    """The owner's consent to market a unit publicly: who gave it, when and how, and who recorded it."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="consents", verbose_name="Einheit")
    given_by = models.CharField("erteilt von", max_length=200)
    given_on = models.DateField("erteilt am")
    channel = models.CharField("auf welchem Weg", max_length=20, choices=ConsentChannel.choices)
    note = models.TextField("Notiz", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="erfasst von",
    )
    recorded_at = models.DateTimeField("erfasst am", auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = "Einverständnis des Eigentümers"
        verbose_name_plural = "Einverständnisse der Eigentümer"

    def __str__(self):
        return f"{self.given_by}, {self.given_on:%d.%m.%Y} ({self.get_channel_display()})"


def _token() -> str:
    return secrets.token_urlsafe(24)


class VacancyReport(models.Model):
    """A public report of a vacant or soon-vacant space. Never public itself: the town checks it,
    merges it with a unit, and only a unit with the owner's consent becomes a listing."""

    class Status(models.TextChoices):
        RECEIVED = "received", "eingegangen"
        CHECKED = "checked", "geprüft"
        MERGED = "merged", "einer Einheit zugeordnet"
        LISTED = "listed", "als Fläche angeboten"
        REJECTED = "rejected", "abgelehnt"

    municipality = models.ForeignKey(
        "partners.Partner", null=True, blank=True, on_delete=models.SET_NULL, related_name="vacancy_reports",
        verbose_name="Kommune (Partner)",
    )
    city = models.CharField("Kommune", max_length=120)
    street = models.CharField("Straße", max_length=200)
    house_number = models.CharField("Hausnummer", max_length=20)
    note = models.TextField("Hinweis", max_length=3000, blank=True)
    soon_vacant_from = models.DateField("voraussichtlich leer ab", null=True, blank=True)
    reporter_email = models.EmailField("E-Mail der meldenden Person (nie öffentlich)", blank=True)
    email_confirmed_at = models.DateTimeField("E-Mail bestätigt am", null=True, blank=True)
    confirm_token = models.CharField(max_length=64, default=_token, unique=True, editable=False)
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports", verbose_name="Einheit"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="geprüft von",
    )
    checked_at = models.DateTimeField("geprüft am", null=True, blank=True)
    created_at = models.DateTimeField("eingegangen am", auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Leerstandsmeldung"
        verbose_name_plural = "Leerstandsmeldungen"

    def __str__(self):
        return f"{self.street} {self.house_number}, {self.city}"


class TargetMix(ClusterableModel):
    """A town's target shares of uses for its centre or one zone (Zielbild)."""

    municipality = models.ForeignKey(
        "partners.Partner", on_delete=models.CASCADE, related_name="target_mixes", verbose_name="Kommune (Partner)"
    )
    city = models.CharField("Kommune", max_length=120)
    zone = models.CharField("Zone", max_length=120, blank=True, help_text="leer = die ganze Innenstadt")
    name = models.CharField(
        "Bezeichnung", max_length=120, help_text="so, wie es nach „Zielmix der …“ klingt, z. B. Altstadt, Innenstadt"
    )

    class Meta:
        ordering = ["city", "zone"]
        constraints = [models.UniqueConstraint(fields=["city", "zone"], name="vacancy_targetmix_city_zone")]
        verbose_name = "Zielmix"
        verbose_name_plural = "Zielmixe"

    def __str__(self):
        return f"Zielmix der {self.name} ({self.city})"


class TargetShare(Orderable):
    mix = ParentalKey(TargetMix, on_delete=models.CASCADE, related_name="shares")
    use = models.CharField("Nutzung", max_length=20, choices=UseType.choices)
    percent = models.PositiveSmallIntegerField("Zielanteil (%)")

    class Meta(Orderable.Meta):
        verbose_name = "Zielanteil"
        verbose_name_plural = "Zielanteile"


class ContactLogEntry(models.Model):
    """A talk, inquiry or viewing about a unit or listing, with the next step (town's people only)."""

    class Kind(models.TextChoices):
        OWNER_TALK = "owner_talk", "Gespräch mit Eigentümer"
        INQUIRY = "inquiry", "Anfrage"
        VIEWING = "viewing", "Besichtigung"
        OTHER = "other", "Sonstiges"

    municipality = models.ForeignKey(
        "partners.Partner", on_delete=models.CASCADE, related_name="vacancy_contacts", verbose_name="Kommune (Partner)"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts", verbose_name="Einheit"
    )
    premises = models.ForeignKey(
        "premises.Premises", null=True, blank=True, on_delete=models.CASCADE, related_name="vacancy_contacts",
        verbose_name="Fläche",
    )
    kind = models.CharField("Art", max_length=20, choices=Kind.choices, default=Kind.OWNER_TALK)
    happened_on = models.DateField("am")
    with_whom = models.CharField("mit", max_length=200, blank=True)
    summary = models.TextField("Inhalt")
    next_step = models.CharField("nächster Schritt", max_length=300, blank=True)
    due_on = models.DateField("fällig am", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="erfasst von",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-pk"]
        verbose_name = "Kontakt"
        verbose_name_plural = "Kontaktprotokoll"

    def __str__(self):
        return f"{self.get_kind_display()} am {self.happened_on:%d.%m.%Y}"
