from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from common.logins import DjangoAdminLoginForm
from config.api import api
from core import views as core_views
from core.sitemaps import PublicSitemap
from partners.sitemaps import OfferSitemap, PartnerSitemap

admin.site.login_form = DjangoAdminLoginForm  # the one login throttle's message there too

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own: the same reset, with the site's limits on reset mails.
    path("admin/password_reset/", core_views.AdminPasswordResetView.as_view(), name="admin_password_reset"),
    # Before Wagtail's own: bulk actions only on what the user may reach (core/admin_access.py).
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", core_views.bulk_action,
         name="wagtail_bulk_action"),
    path("admin/reports/site-history/", require_admin_access(core_views.SiteHistoryView.as_view()),
         name="site_history"),
    path("admin/reports/site-history/results/",
         require_admin_access(core_views.SiteHistoryView.as_view(results_only=True)), name="site_history_results"),
    path("admin/choose-page/<int:parent_page_id>/", core_views.choose_page_below, name="wagtailadmin_choose_page_child"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {
        "wagtail": PublicSitemap, "partner": PartnerSitemap, "angebote": OfferSitemap,
    }}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("flaechen/", include("premises.urls")),
    path("passend/", include("matching.urls")),
    path("leerstand/", include("vacancy.urls")),
    path("intern/", include("members.urls")),
    path("suche/", include("search.urls")),
    path("werkzeuge/", include("toolbox.urls")),
    path("", include("partners.urls")),  # /partner/ (directory) and /angebote/ (support offers)
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.SERVE_MEDIA:
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", core_views.public_media, name="public_media")]

urlpatterns += [
    # Before Wagtail's own: page passwords are throttled like logins.
    path("_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
         core_views.authenticate_with_password, name="wagtailcore_authenticate_with_password"),
    # Wagtail serves every page; keep it last.
    path("", include(wagtail_urls)),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
