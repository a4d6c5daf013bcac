"""python manage.py expire_premises: run daily (cron); unconfirmed listings expire after 90 days."""

from django.core.management.base import BaseCommand

from premises.services import EXPIRE_AFTER_DAYS, premises_expire_unconfirmed


class Command(BaseCommand):
    help = (
        f"Setzt Flächen, die seit {EXPIRE_AFTER_DAYS} Tagen nicht bestätigt wurden, auf „abgelaufen“ "
        "und benachrichtigt die Anbieter."
    )

    def handle(self, *args, **options):
        expired = premises_expire_unconfirmed()
        self.stdout.write(f"{len(expired)} Flächen sind abgelaufen.")
