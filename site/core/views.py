import posixpath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import IntegerField, Value
from django.http import Http404, HttpResponse, HttpResponseNotFound, HttpResponseServerError, QueryDict
from django.shortcuts import get_object_or_404
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail import views as wagtail_views
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import account as wagtail_account
from wagtail.admin.views import bulk_action as wagtail_bulk_action
from wagtail.admin.views import chooser as wagtail_chooser
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, PageViewRestriction

from common import logins
from common.admin_access import choosable_pages, reachable, reachable_log_entries
from common.ratelimit import PasswordResetLimitMixin


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /intern/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def server_error(request):
    # No context processors that may touch the database: the error may come from there.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))


class AdminPasswordResetView(PasswordResetLimitMixin, wagtail_account.PasswordResetView):
    """Wagtail's password reset for editors' logins, with the site's limits on reset mails."""


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password form, throttled: five wrong passwords per page restriction and client
    address, then 15 minutes in which no password is checked."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if logins.page_password_locked(page_view_restriction_id, request):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm({"return_url": request.POST.get("return_url", "")}, instance=restriction)
        form.full_clean()
        form.errors.clear()  # the password was not checked: no "required" or "wrong" beside it
        form.add_error(None, logins.PAGE_PASSWORD_THROTTLE_MESSAGE)
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 302:  # the form again: the password was wrong
        logins.page_password_failed(page_view_restriction_id, request)
    return response


@require_admin_access
def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk actions (delete, publish, ...), offered only on objects the user may reach:
    Wagtail's confirmation page would otherwise list the labels of any ids in the address, even
    those the user has no access to. An id out of reach answers 404, as the edit view does."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    allowed = reachable(request.user, model)
    ids = request.GET.getlist("id")
    if "all" in ids:
        listed = action_class(request, model).get_all_objects_in_listing_query(request.GET.get("childOf"))
        ids = [str(pk) for pk in allowed.filter(pk__in=listed).values_list("pk", flat=True)]
    else:
        found = {str(pk) for pk in allowed.filter(pk__in=[i for i in ids if i.isdigit()]).values_list("pk", flat=True)}
        if not ids or any(i not in found for i in ids):
            raise Http404("Nicht gefunden oder nicht Ihre Organisation.")
    query = request.GET.copy()
    query.setlist("id", ids)
    request.GET = QueryDict(query.urlencode())
    request.META["QUERY_STRING"] = query.urlencode()
    return wagtail_bulk_action.index(request, app_label, model_name, action)


def _visible_log_entries(log_model, user):
    return reachable_log_entries(user, log_model.objects.viewable_by_user(user))


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_user_choices(self):
        ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            ids.update(_visible_log_entries(log_model, self.request.user).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


class SiteHistoryView(LogEntriesView):
    """Wagtail's site history (and its CSV/XLSX export) with only the entries about objects the
    user may reach: a town's or partner's login no longer sees the others' activity."""

    filterset_class = SiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's own method with the one change: each log model's entries narrowed first.
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            entries = (
                _visible_log_entries(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            entries = self.filter_queryset(entries).order_by()
            queryset = entries if queryset is None else queryset.union(entries, all=True)
        return queryset.order_by("-timestamp")


@require_admin_access
def choose_page_below(request, parent_page_id):
    """The page chooser's browse view, refused (404) for a parent page the user may not see: its
    title would show as the heading."""
    if not choosable_pages(request.user).filter(pk=parent_page_id).exists():
        raise Http404("Seite nicht gefunden.")
    return wagtail_chooser.BrowseView.as_view()(request, parent_page_id=parent_page_id)


def public_media(request, path):
    """Media files where the site serves them itself (``SERVE_MEDIA``): images, never documents,
    which only the document view hands out after checking the collection's privacy."""
    if posixpath.normpath(path).lstrip("/").startswith(settings.PRIVATE_MEDIA_PREFIXES):  # as serve() reads it
        raise Http404("Nicht gefunden.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)
