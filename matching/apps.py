from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "Flächen und Matching"

    def ready(self):
        from matching import memo_signals

        memo_signals.connect()
