"""The README's run command: migrate, seed the demo, (re)build the search indices and serve.

Without ELASTICSEARCH_URL the dev settings start a search engine (bin/elasticsearch) for this
process when Java is there; it stops with the site. Everything runs in this one process so all
steps share that engine. Without Java, search and lists use their database fallbacks.
"""

import ipaddress
from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.management.commands.seed_demo import SEEDERS


class Command(BaseCommand):
    help = "Startet die Website mit Demo-Inhalten (Migration, Demo-Daten, Suchindex, Server)."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        refuse_unsafe_public_address(addrport)
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


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host in ("", "localhost"):
        return True  # runserver's default address is 127.0.0.1
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: reachable by others


def refuse_unsafe_public_address(addrport: str) -> None:
    """On an address others reach (``bin/run 0.0.0.0:8000``) the demo starts only without what
    makes it open: the public development key (anyone could sign saved-search links), DEBUG
    (tracebacks with settings) and the demo logins (their passwords are in the README)."""
    host = addrport.rpartition(":")[0] if ":" in addrport else ""
    if is_loopback(host):
        return
    problems = []
    if settings.SECRET_KEY == getattr(settings, "DEV_SECRET_KEY", None):
        problems.append("einen eigenen geheimen Schlüssel (SECRET_KEY=…)")
    if settings.DEBUG:
        problems.append("DEBUG=0")
    if settings.DEMO_LOGINS_ENABLED:
        problems.append("DEMO_LOGINS_ENABLED=0 (die Demo-Passwörter stehen im README)")
    if problems:
        raise CommandError(
            f"Die Adresse {addrport} ist auch von anderen Rechnern erreichbar. Dafür braucht die Website "
            + ", ".join(problems) + ". Beispiel: SECRET_KEY=$(openssl rand -hex 32) DEBUG=0 DEMO_LOGINS_ENABLED=0 "
            f"bin/run {addrport} – oder ohne Adresse nur auf diesem Rechner: bin/run"
        )
