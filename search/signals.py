"""Model signals → ``search.services.sync`` after the transaction commits.

Every create, change (including status changes such as published → let) and delete of an
indexed model reaches the index; writes that bypass model signals (premises import, expiry)
announce themselves through ``premises.signals.premises_changed``. An offer's tags are rows of
their own (``SupportOfferTag``, saved after the offer) and tag names can be renamed: both resync
the offers they belong to.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from search.documents import DOCUMENTS, OfferDocument
from search.services import PAGES, sync_on_commit


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return  # fixture loading: the rebuild indexes it
    _changed(sender, instance)


def _on_delete(sender, instance, **kwargs):
    _changed(sender, instance)


def _changed(sender, instance):
    doc_cls = _documents_by_model().get(sender)
    if doc_cls is None:
        return
    sync_on_commit(doc_cls.kind, [instance.pk])
    if doc_cls.kind == "partners" and instance.pk is not None:
        # Offers carry their provider's name.
        offers = OfferDocument.model().objects.filter(provider_id=instance.pk).values_list("pk", flat=True)
        sync_on_commit(OfferDocument.kind, list(offers))


def _on_offer_tagged(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_on_commit(OfferDocument.kind, [instance.content_object_id])


def _on_tag_renamed(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    offers = OfferDocument.model().objects.filter(tagged_items__tag_id=instance.pk).values_list("pk", flat=True)
    sync_on_commit(OfferDocument.kind, list(offers))


def _on_page_change(sender, instance, raw=False, **kwargs):
    """Pages also go through the queue, so a page saved during an outage is indexed later."""
    from wagtail.models import Page

    if not raw and isinstance(instance, Page):
        sync_on_commit(PAGES, [instance.pk])


def _on_page_subtree_change(sender, instance=None, page=None, raw=False, **kwargs):
    """Publishing (a new slug), moving, unpublishing or restricting a page changes what is found
    below it, too: the URLs and the visibility of its whole subtree."""
    from search.pages import subtree_ids

    page = page or getattr(instance, "page", None) or instance
    if not raw and page is not None and getattr(page, "path", None):
        sync_on_commit(PAGES, subtree_ids(page))


def _on_premises_changed(sender, external_ids=(), **kwargs):
    from premises.models import Premises

    pks = list(Premises.objects.filter(external_id__in=list(external_ids)).values_list("pk", flat=True))
    sync_on_commit("premises", pks)


def _documents_by_model():
    return {doc.model(): doc for doc in DOCUMENTS.values() if doc.kind != PAGES}


def connect():
    from taggit.models import Tag
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from partners.models import SupportOfferTag
    from premises.signals import premises_changed

    for doc_cls in DOCUMENTS.values():
        if doc_cls.kind == PAGES:
            continue  # every page type: below
        model = doc_cls.model()
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search_save_{doc_cls.kind}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search_delete_{doc_cls.kind}")
    post_save.connect(_on_page_change, dispatch_uid="search_save_page")
    post_delete.connect(_on_page_change, dispatch_uid="search_delete_page")
    page_published.connect(_on_page_subtree_change, dispatch_uid="search_page_published")
    page_unpublished.connect(_on_page_subtree_change, dispatch_uid="search_page_unpublished")
    post_page_move.connect(_on_page_subtree_change, dispatch_uid="search_page_moved")
    post_save.connect(_on_page_subtree_change, sender=PageViewRestriction, dispatch_uid="search_restricted")
    post_delete.connect(_on_page_subtree_change, sender=PageViewRestriction, dispatch_uid="search_unrestricted")
    premises_changed.connect(_on_premises_changed, dispatch_uid="search_premises_changed")
    post_save.connect(_on_offer_tagged, sender=SupportOfferTag, dispatch_uid="search_offer_tagged")
    post_delete.connect(_on_offer_tagged, sender=SupportOfferTag, dispatch_uid="search_offer_untagged")
    post_save.connect(_on_tag_renamed, sender=Tag, dispatch_uid="search_tag_renamed")
