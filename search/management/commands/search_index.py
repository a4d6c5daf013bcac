"""``manage.py search_index --rebuild``: build every search index anew from the database."""

from time import monotonic

from django.core.management.base import BaseCommand, CommandError

from search.documents import DOCUMENTS
from search.services import ENGINE_ERRORS, rebuild


class Command(BaseCommand):
    help = (
        "Baut die Suchindizes (Flächen, Angebote, Partner, Seiten) neu auf: neuer Index, "
        "Alias-Wechsel in einem Schritt, alter Index wird gelöscht."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Indizes aus der Datenbank neu aufbauen.")
        parser.add_argument("--only", choices=sorted(DOCUMENTS), action="append", help="Nur diesen Index (mehrfach).")
        parser.add_argument("--no-pages", action="store_true", help="Seiten nicht neu indizieren.")

    def handle(self, *args, **options):
        only, no_pages = options.get("only"), options.get("no_pages")
        if not options.get("rebuild"):
            raise CommandError("Bitte --rebuild angeben.")
        progress = options.get("verbosity", 1) >= 1
        kinds = only or [kind for kind in DOCUMENTS if not (no_pages and kind == "pages")]
        for kind in kinds:
            started = monotonic()
            try:
                index, count = rebuild(kind, progress=progress)
            except ENGINE_ERRORS as error:
                raise CommandError(f"Suchmaschine nicht erreichbar: {error}")
            self.stdout.write(f"{kind}: {count} Dokumente in {monotonic() - started:.1f} s → {index}")

