"""Admin hooks of the shared app: the page chooser lists only what the user may see."""

from wagtail import hooks

from core.admin_access import choosable_pages


@hooks.register("construct_page_chooser_queryset")
def only_choosable_pages(pages, request):
    return pages.filter(pk__in=choosable_pages(request.user).values("pk"))
