"""Daily e-mail digest of the members' area; run it from cron (running it more often sends nothing extra)."""

from django.core.management.base import BaseCommand

from members.services import send_digests


class Command(BaseCommand):
    help = "Verschickt die tägliche E-Mail-Zusammenfassung an Mitglieder, die sie nicht abbestellt haben."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(self.style.SUCCESS(f"{sent} Zusammenfassung(en) verschickt."))
