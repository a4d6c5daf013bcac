"""The README's run command: migrate, seed the demo, (re)build the search indices and serve.

Without ELASTICSEARCH_URL the dev settings start a search engine (bin/elasticsearch) for this
process when Java is there; it stops with the site. Everything runs in this one process so all
steps share that engine. Without Java, search and lists use their database fallbacks.
"""

from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.management.commands.seed_demo import SEEDERS


class Command(BaseCommand):
    help = "Startet die Website mit Demo-Inhalten (Migration, Demo-Daten, Suchindex, Server)."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo")
        if settings.ELASTICSEARCH_URL:
            call_command("search_index", rebuild=True)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Website: http://{addrport}/"))
        self.stdout.write(f"Suchmaschine: {settings.ELASTICSEARCH_URL or 'keine (ohne Java: Suche über die Datenbank)'}")
        if settings.DEMO_LOGINS_ENABLED:
            self.stdout.write("Demo-Zugänge (nur lokal, nie in Produktion):")
            for dotted in SEEDERS:
                for role, username, password in getattr(import_module(dotted), "DEMO_LOGINS", []):
                    self.stdout.write(f"  {role}: Benutzer {username} / Passwort {password}")
            self.stdout.write(f"  Anmeldung: http://{addrport}/admin/")
        self.stdout.write("")
        call_command("runserver", addrport, use_reloader=False)
