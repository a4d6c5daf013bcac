from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("partner/", views.partner_list, name="partner_list"),
    path("partner/<slug:slug>/", views.partner_detail, name="partner_detail"),
    path("angebote/", views.offer_list, name="offer_list"),
    path("angebote/<int:pk>/", views.offer_detail, name="offer_detail"),
]
