"""Seekers and their saved searches: what founders, successors and firms look for."""

from django.db import models

from common.vocabularies import SeekerKind
from premises.models import Premises


class SeekerProfileQuerySet(models.QuerySet):
    def alertable(self):
        """Saved searches that may be mailed: confirmed by e-mail and not unsubscribed."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True).exclude(email="")


class SeekerProfile(models.Model):
    """What a founder, successor or firm looks for (the fields of POST /api/v1/matches).

    Saved with an e-mail address it becomes a saved search: double opt-in (``confirmed_at``),
    alerts at most daily (``last_alert_at``), one-click unsubscribe (``unsubscribed_at``).
    Multi-valued codes are JSON lists, as on Premises.
    """

    kind = models.CharField("Ich bin", max_length=20)
    sector = models.CharField("Branche", max_length=100, blank=True)
    use_types = models.JSONField("Nutzungsarten", default=list, blank=True)
    city = models.CharField("Wunschort", max_length=120, blank=True)
    latitude = models.FloatField("Breitengrad", null=True, blank=True)
    longitude = models.FloatField("Längengrad", null=True, blank=True)
    radius_km = models.FloatField("Umkreis (km)", null=True, blank=True)
    area_min = models.FloatField("Fläche ab (m²)", null=True, blank=True)
    area_max = models.FloatField("Fläche bis (m²)", null=True, blank=True)
    rent_max = models.FloatField("Kaltmiete bis (€/Monat)", null=True, blank=True)
    features = models.JSONField("Ausstattung", default=list, blank=True)
    interim_use = models.BooleanField("Zwischennutzung gesucht", default=False)
    needs = models.JSONField("Unterstützungsbedarf", default=list, blank=True)
    stage = models.CharField("Phase", max_length=20, blank=True)
    available_by = models.DateField("benötigt bis", null=True, blank=True)
    text = models.TextField("Beschreibung des Vorhabens", blank=True, max_length=2000)

    email = models.EmailField("E-Mail", blank=True, db_index=True)
    allow_contact = models.BooleanField("LEG darf mich zu passenden Flächen ansprechen", default=False)
    confirmed_at = models.DateTimeField("bestätigt am", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("abgemeldet am", null=True, blank=True)
    last_alert_at = models.DateTimeField("letzte Benachrichtigung", null=True, blank=True)
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SeekerProfileQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Suchprofil"
        verbose_name_plural = "Suchprofile"

    def __str__(self):
        where = f" in {self.city}" if self.city else ""
        return f"Suchprofil {self.pk}{where}"

    @property
    def kind_label(self):
        return SeekerKind(self.kind).label if self.kind in SeekerKind.values else self.kind

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class SeekerAlert(models.Model):
    """One alert mail sent to a saved search, and the listings it named (the log a GDPR export shows)."""

    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="alerts")
    premises = models.ManyToManyField(Premises, related_name="+", blank=True)
    sent_at = models.DateTimeField("gesendet am")

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "Benachrichtigung"
        verbose_name_plural = "Benachrichtigungen"

    def __str__(self):
        return f"Benachrichtigung an {self.profile} vom {self.sent_at:%d.%m.%Y}"
