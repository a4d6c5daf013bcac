from django.urls import path

from vacancy import views

app_name = "vacancy"
urlpatterns = [
    path("melden/", views.report_form, name="report_form"),
    path("melden/danke/", views.report_thanks, name="report_thanks"),
    path("melden/bestaetigen/<str:token>/", views.report_confirm, name="report_confirm"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard.csv", views.dashboard_csv, name="dashboard_csv"),
    path("fruehwarnung/", views.early_warning_list, name="early_warning"),
    path("expose/<int:pk>/", views.expose, name="expose"),
    path("expose/<int:pk>.pdf", views.expose_pdf, name="expose_pdf"),
    path("portfolio/", views.portfolio, name="portfolio"),
]
