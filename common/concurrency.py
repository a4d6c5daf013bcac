"""No silent overwrites when two people edit the same page or snippet at once.

Wagtail 8 knows when a form was loaded from an older revision than the latest (``is_out_of_date``)
but refuses only its autosave then; a normal save overwrote the other person's change. These
views refuse that save too, keep what the editor typed in the form and say in German what
happened, so they can compare and save again.
"""

from __future__ import annotations

from django.contrib import messages
from wagtail.admin.views.pages.edit import EditView as WagtailPageEditView
from wagtail.snippets.views.snippets import EditView as WagtailSnippetEditView

from common.forms import OVERWRITE_MESSAGE


class SnippetEditView(WagtailSnippetEditView):
    """For snippets with revisions (support offers): a stale save is refused like a stale autosave."""

    def is_valid(self, form):
        if not self.expects_json_response and self.is_out_of_date:
            self.produced_error_code = "invalid_revision"
            self.produced_error_message = OVERWRITE_MESSAGE
            return False
        return super().is_valid(form)


class PageEditView(WagtailPageEditView):
    """Wagtail's page editor (the base page viewset's edit view, core/wagtail_hooks.py), stale saves refused."""

    def post(self, request, *args, **kwargs):
        if not self.expects_json_response and self.is_out_of_date and not self.page.alias_of_id:
            self.form = self.form_class(
                request.POST, request.FILES, instance=self.page, subscription=self.subscription,
                parent_page=self.parent, for_user=request.user,
            )
            messages.error(request, OVERWRITE_MESSAGE)
            self.has_unsaved_changes = True
            return self.render_to_response(self.get_context_data(), status=409)
        return super().post(request, *args, **kwargs)
