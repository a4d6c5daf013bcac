"""Idempotent demo content: run it twice, get the same content once."""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app contributes a ``demo`` module with ``seed(command)``; order matters
# (pages before partners, partners before offers and premises, ...).
SEEDERS = [
    "core.demo",
    "partners.demo",  # the alliance's partners first: other demos reference ThEx, LEG and the towns
    "alliance.demo",
    "toolbox.demo",
    "matching.demo",
    "matching.demo_seekers",
    "matching.vacancy.demo",
    "core.site_demo",  # last: about/contact/legal pages, footer settings, main menu
    "members.demo",
]


class Command(BaseCommand):
    help = "Legt die Demo-Inhalte an (idempotent: mehrfaches Ausführen ändert nichts)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for dotted in SEEDERS:
                module = importlib.import_module(dotted)
                module.seed(self)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind angelegt."))
