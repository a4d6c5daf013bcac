from django.urls import path

from matching import views

app_name = "matching"

urlpatterns = [
    path("", views.premises_list, name="premises_list"),
    path("karte/", views.premises_map, name="premises_map"),
    path("karte/marker.json", views.premises_markers, name="premises_markers"),
    path("<int:pk>/", views.premises_detail, name="premises_detail"),
]
