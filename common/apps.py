from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Shared helpers of every app: places and distances, client address, rate limits, login
    throttling, vocabularies, uploads; no models."""

    name = "common"
    verbose_name = "Gemeinsame Hilfsmittel"

    def ready(self):
        from common import logins

        logins.connect()
