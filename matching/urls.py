from django.urls import path

from matching import views

app_name = "seekers"

urlpatterns = [
    path("", views.seeker_start, name="start"),
    path("ergebnisse/", views.seeker_results, name="results"),
    path("speichern/", views.seeker_save, name="save"),
    path("gespeichert/", views.seeker_saved, name="saved"),
    path("bestaetigen/<str:token>/", views.seeker_confirm, name="confirm"),
    path("abmelden/<str:token>/", views.seeker_unsubscribe, name="unsubscribe"),
    path("meine-suche/<str:token>/", views.seeker_manage, name="manage"),
    path("meine-suche/<str:token>/daten.json", views.seeker_export, name="export"),
    path("meine-suche/<str:token>/loeschen/", views.seeker_delete, name="delete"),
]
