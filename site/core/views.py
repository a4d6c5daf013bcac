from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import get_object_or_404
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.admin.views import account as wagtail_account
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from core import logins
from core.ratelimit import PasswordResetLimitMixin


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
