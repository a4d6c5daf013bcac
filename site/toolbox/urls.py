from django.urls import path

from toolbox import views

app_name = "toolbox"

urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", views.LogoutView.as_view(), name="logout"),
    path("massnahmen/drucken/", views.measures_print, name="measures_print"),
    path("kompass/", views.kompass, name="kompass"),
    path("hitzeschutzplan/", views.plan_home, name="plan_home"),
    path("hitzeschutzplan/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("hitzeschutzplan/<int:pk>/verlauf/", views.plan_history, name="plan_history"),
    path("hitzeschutzplan/<int:pk>/export.<str:fmt>", views.plan_export, name="plan_export"),
    path("hitzeschutzplan/<int:pk>/massnahmen/<str:code>/", views.worksheet, name="worksheet"),
    path("hitzeschutzplan/<int:pk>/massnahmen/<str:code>/entfernen/", views.worksheet_remove, name="worksheet_remove"),
    path("hitzeschutzplan/<int:pk>/massnahmen/<str:code>/export.<str:fmt>", views.worksheet_export, name="worksheet_export"),
]
