from django.urls import path

from premises import views

app_name = "premises"

urlpatterns = [
    path("", views.premises_list, name="list"),
    path("karte/", views.premises_map, name="map"),
    path("karte/marker.json", views.premises_markers, name="markers"),
    path("<int:pk>/", views.premises_detail, name="detail"),
]
