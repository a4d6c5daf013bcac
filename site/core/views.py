from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.http import require_GET
from wagtail.admin.views import account as wagtail_account

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
