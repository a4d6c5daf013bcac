"""Keeps the Kompass page's search entry current when editors change instruments or problems, and
gives a municipality's people the planner role when they join it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index

from partners.models import PartnerMembership
from toolbox.models import KompassInstrumentEntry, KompassPage, KompassProblemEntry


@receiver(post_save, sender=KompassInstrumentEntry)
@receiver(post_delete, sender=KompassInstrumentEntry)
@receiver(post_save, sender=KompassProblemEntry)
@receiver(post_delete, sender=KompassProblemEntry)
def reindex_kompass_page(sender, **kwargs):
    for page in KompassPage.objects.live():
        index.insert_or_update_object(page)


@receiver(post_save, sender=PartnerMembership)
def grant_planner_role(sender, instance, **kwargs):
    from toolbox.services import grant_planner_role

    grant_planner_role(instance)
