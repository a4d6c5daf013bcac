from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Shared helpers of every app (places and distances, …); no models."""

    name = "common"
    verbose_name = "Gemeinsame Hilfsmittel"
