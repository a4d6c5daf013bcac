from django.apps import AppConfig


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = "Werkzeuge"

    def ready(self):
        from toolbox import permissions, signals  # noqa: F401 - isolation policy, Kompass search entry
