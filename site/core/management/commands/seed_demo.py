"""The demo content, once per database: a second run (every ``bin/run``) changes nothing, so
editors' changes and deletions stay. ``--force`` seeds again; the seeders are idempotent (the
same content once), but they restore seeded objects that were edited or deleted."""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.timezone import localtime

from core.models import DemoSeeding

# Each app contributes a ``demo`` module with ``seed(command)``; order matters
# (pages before partners, partners before offers and premises, ...).
SEEDERS = [
    "core.demo",
    "partners.demo",  # the alliance's partners first: other demos reference ThEx, LEG and the towns
    "alliance.demo",
    "toolbox.demo",
    "premises.demo",
    "matching.demo_seekers",
    "vacancy.demo",
    "core.site_demo",  # last: about/contact/legal pages, footer settings, main menu
    "members.demo",
]


class Command(BaseCommand):
    help = "Legt die Demo-Inhalte an, einmal je Datenbank (--force: erneut, über geänderte Inhalte hinweg)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Erneut anlegen, auch wenn die Demo-Inhalte schon angelegt wurden.")

    def handle(self, *args, force=False, **options):
        earlier = DemoSeeding.objects.order_by("seeded_at").first()
        if earlier and not force:
            self.stdout.write(
                f"Demo-Inhalte wurden am {localtime(earlier.seeded_at):%d.%m.%Y um %H:%M} angelegt; nichts geändert "
                "(Änderungen der Redaktion bleiben). Erneut anlegen: seed_demo --force."
            )
            return
        with transaction.atomic():
            for dotted in SEEDERS:
                module = importlib.import_module(dotted)
                module.seed(self)
            if earlier is None:
                DemoSeeding.objects.create()
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind angelegt."))
