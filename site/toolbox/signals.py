"""Keeps the Kompass page's search entry current when editors change instruments or problems."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index

from toolbox.models import KompassInstrumentEntry, KompassPage, KompassProblemEntry


@receiver(post_save, sender=KompassInstrumentEntry)
@receiver(post_delete, sender=KompassInstrumentEntry)
@receiver(post_save, sender=KompassProblemEntry)
@receiver(post_delete, sender=KompassProblemEntry)
def reindex_kompass_page(sender, **kwargs):
    for page in KompassPage.objects.live():
        index.insert_or_update_object(page)
