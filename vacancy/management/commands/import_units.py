"""python manage.py import_units FILE [--dry-run] (contract: all or nothing, idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from vacancy.services import units_import


class Command(BaseCommand):
    help = "Importiert das Besatz- und Leerstandskataster (Gewerbeeinheiten) aus einer CSV-Datei (UTF-8)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pfad zur CSV-Datei")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts speichern")

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, "rb") as handle:
                report = units_import(source=handle, dry_run=dry_run)
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
