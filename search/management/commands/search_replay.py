"""``manage.py search_replay``: send changes queued while the search engine was unreachable.

Run it periodically (e.g. cron every 5 minutes: ``python manage.py search_replay``); it is cheap
when nothing is queued and stops at the first failure while the engine is still away.
"""

from django.core.management.base import BaseCommand, CommandError

from search.services import replay_pending


class Command(BaseCommand):
    help = "Sendet vorgemerkte Änderungen an die Suchmaschine (nach einem Ausfall)."

    def handle(self, *args, **options):
        result = replay_pending()
        if result.error:
            raise CommandError(
                f"Suchmaschine weiterhin nicht erreichbar; {result.sent} gesendet, "
                f"{result.remaining} weiter vorgemerkt. Fehler: {result.error}"
            )
        self.stdout.write(f"{result.sent} Änderungen gesendet, {result.remaining} vorgemerkt.")
