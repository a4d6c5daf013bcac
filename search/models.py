"""Changes that could not reach the search engine, kept until the replay job sends them.

One row per (kind, object id): the replay reads the object's current state from the database,
so however often an object changed during an outage, one sync brings the index up to date.
"""

from django.db import models


class PendingChange(models.Model):
    kind = models.CharField("Art", max_length=30)
    object_id = models.CharField("Objekt-ID", max_length=64)
    queued_at = models.DateTimeField("vorgemerkt am")
    attempts = models.PositiveIntegerField("Versuche", default=0)
    last_error = models.TextField("letzter Fehler", blank=True)

    class Meta:
        ordering = ["queued_at", "id"]
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_pending_kind_object")]
        verbose_name = "ausstehende Suchindex-Änderung"
        verbose_name_plural = "ausstehende Suchindex-Änderungen"

    def __str__(self):
        return f"{self.kind} {self.object_id}"
