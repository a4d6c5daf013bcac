from django.core.management.base import BaseCommand, CommandError

from matching.alerts import send_match_alerts


class Command(BaseCommand):
    help = (
        "Benachrichtigt jede bestätigte gespeicherte Suche (höchstens einmal täglich) über neue oder "
        "geänderte passende Flächen."
    )

    def handle(self, *args, **options):
        batch = send_match_alerts()
        self.stdout.write(
            f"{batch.checked} Suchen geprüft, {batch.mailed} E-Mails mit {batch.listings} Flächen versendet."
        )
        if batch.engine_down:
            raise CommandError(
                "Die Suchmaschine ist nicht erreichbar; die übrigen Suchen werden beim nächsten Lauf benachrichtigt."
            )
