from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _setup_roles(sender, app_config=None, using="default", apps=None, **kwargs):
    """After migrate: the partner and editor groups and the offers' approval workflow exist."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    # Permissions are created by another post_migrate receiver that may run after this one.
    for label in ("partners", "wagtailadmin", "wagtailimages"):
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using)
    from partners.services import ensure_roles

    ensure_roles()


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partner und Unterstützungsangebote"

    def ready(self):
        from partners import permissions  # noqa: F401 - registers the permission policies early
        post_migrate.connect(_setup_roles, sender=self, dispatch_uid="partners_setup_roles")
