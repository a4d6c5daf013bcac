"""Keep the cached site frame (core.selectors.site_frame) true to what editors publish.

Anything the menu, the footer or the default sharing image is built from starts a new frame
generation: at once (the editor's own next request) and again after the commit (so that a request
that read the old rows while the change was still uncommitted cannot keep them).
Uploaded images lose their EXIF/GPS metadata before they are stored (common.images.strip_metadata).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from common.images import strip_metadata
from core.selectors import forget_site_frame


def frame_changed(sender=None, **kwargs):
    forget_site_frame()
    transaction.on_commit(forget_site_frame)


def _page_saved_or_deleted(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        frame_changed()


# Wagtail fills these in while serving a rendition; they change nothing anybody sees.
IMAGE_METADATA = {"file_size", "file_hash"}


def _image_changed(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= IMAGE_METADATA:
        return
    frame_changed()


def connect():
    from core.models import SiteSettings

    for signal_name, signal in (("published", page_published), ("unpublished", page_unpublished),
                                ("moved", post_page_move)):
        signal.connect(frame_changed, dispatch_uid=f"site-frame-{signal_name}")
    # Pages save as their own classes: one receiver for all, filtered by type.
    post_save.connect(_page_saved_or_deleted, dispatch_uid="site-frame-page-save")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="site-frame-page-delete")
    for model in (SiteSettings, Site, PageViewRestriction):
        post_save.connect(frame_changed, sender=model, dispatch_uid=f"site-frame-save-{model.__name__}")
        post_delete.connect(frame_changed, sender=model, dispatch_uid=f"site-frame-delete-{model.__name__}")
    post_save.connect(_image_changed, sender=get_image_model(), dispatch_uid="site-frame-save-image")
    pre_save.connect(strip_metadata, sender=get_image_model(), dispatch_uid="image-metadata-stripped")
    post_delete.connect(frame_changed, sender=get_image_model(), dispatch_uid="site-frame-delete-image")
