from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Grundlagen"

    def ready(self):
        from core import signals

        signals.connect()
