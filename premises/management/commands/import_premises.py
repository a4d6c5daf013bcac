"""python manage.py import_premises FILE [--dry-run] (contract: all or nothing, idempotent)."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from premises.services import premises_import

PROGRESS_FROM_ROWS = 2000  # a progress bar only where waiting is noticeable


class Command(BaseCommand):
    help = "Importiert Flächen aus einer CSV-Datei (UTF-8, Komma-getrennt, Listen mit „;“)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pfad zur CSV-Datei")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts speichern")

    def handle(self, *args, file, dry_run, **options):
        large = False

        def progress(iterable, total, desc):
            nonlocal large
            if desc == "Prüfen":
                large = total >= PROGRESS_FROM_ROWS
            if not large:
                return iterable
            unit = " Zeilen" if desc == "Prüfen" else " Pakete"
            return tqdm(iterable, total=total, desc=desc, unit=unit, file=sys.stderr, disable=None)

        try:
            with open(file, "rb") as handle:
                report = premises_import(source=handle, dry_run=dry_run, progress=progress)
        except FileNotFoundError:
            raise CommandError(f"Die Datei „{file}“ wurde nicht gefunden.")
        except IsADirectoryError:
            raise CommandError(f"„{file}“ ist ein Verzeichnis, keine Datei.")
        except UnicodeDecodeError:
            raise CommandError(f"Die Datei „{file}“ ist nicht UTF-8-kodiert. Bitte als UTF-8 speichern.")
        if report.errors:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(report.summary())
        if dry_run:
            self.stdout.write(f"Probelauf: {report.summary()} Es wurde nichts gespeichert.")
        else:
            self.stdout.write(self.style.SUCCESS(report.summary()))
