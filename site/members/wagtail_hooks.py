"""Pages with a view restriction are answered like the members' area: never cached publicly, never indexed."""

from wagtail import hooks

from core.selectors import is_restricted
from members.access import mark_private


@hooks.register("on_serve_page")
def keep_restricted_pages_private(next_serve_page):
    def serve(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        if is_restricted(page):
            mark_private(response)
        return response

    return serve
