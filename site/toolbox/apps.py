from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _setup_roles(sender, using="default", **kwargs):
    """After migrate: the planner group for municipalities and the editors' toolbox permissions."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    # Permissions are created by another post_migrate receiver that may run after this one.
    for label in ("toolbox", "partners", "wagtailadmin", "wagtailimages"):
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using)
    from toolbox.services import ensure_roles

    ensure_roles()


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = "Werkzeuge"

    def ready(self):
        from toolbox import permissions, signals  # noqa: F401 - isolation policy, Kompass search entry, roles

        post_migrate.connect(_setup_roles, sender=self, dispatch_uid="toolbox_setup_roles")
