"""Demo content of the site's root: the home page, the Wagtail site, the demo admin."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from core.models import HomePage

DEMO_ADMIN = ("admin", "innenstadt-demo")
# (role, username, password) printed by the run command
DEMO_LOGINS = [("Redaktion (alle Rechte)", *DEMO_ADMIN)]


def get_home():
    return HomePage.objects.first()


def seed(command):
    home = get_home()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration creates a placeholder welcome page; replace it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = HomePage(
            title="Innenstädte mit Zukunft",
            slug="start",
            intro="<p>Das Thüringer Aktionsbündnis für lebendige Innenstädte.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    # The Wagtail site answers at SITE_URL (the run command's address by default), so absolute
    # links in the sitemap and in e-mails point where the site is served.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": base.hostname or "localhost",
            "port": port,
            "root_page": home,
            "site_name": "Innenstädte mit Zukunft",
        },
    )
    Site.objects.exclude(root_page=home).delete()
    if settings.DEMO_LOGINS_ENABLED:
        username, password = DEMO_ADMIN
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"}
        )
        if created:
            user.set_password(password)
            user.save()
