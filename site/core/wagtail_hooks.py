"""Admin hooks of the shared app: the page chooser lists only what the user may see; the page
editor refuses to overwrite a newer version (core/concurrency.py)."""

from wagtail import hooks
from wagtail.admin.viewsets.pages import base_page_viewset

from common.admin_access import choosable_pages
from common.concurrency import PageEditView

# Every page type uses the base page viewset (none registers its own); set before its views are built.
base_page_viewset.edit_view_class = PageEditView


@hooks.register("construct_page_chooser_queryset")
def only_choosable_pages(pages, request):
    return pages.filter(pk__in=choosable_pages(request.user).values("pk"))
