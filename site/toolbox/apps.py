from django.apps import AppConfig


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = "Werkzeuge"

    def ready(self):
        from toolbox import permissions  # noqa: F401 - registers the heat plans' isolation policy
