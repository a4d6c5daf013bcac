from django.core.management.base import BaseCommand

from matching.seekers import UNCONFIRMED_DAYS, seeker_delete_unconfirmed


class Command(BaseCommand):
    help = f"Löscht gespeicherte Suchen, die nicht binnen {UNCONFIRMED_DAYS} Tagen bestätigt wurden."

    def handle(self, *args, **options):
        deleted = seeker_delete_unconfirmed()
        self.stdout.write(f"{deleted} unbestätigte Suchprofile gelöscht.")
