"""``manage.py search_synonyms``: load the edited synonym file into the running engine."""

from django.core.management.base import BaseCommand, CommandError

from search.errors import ENGINE_ERRORS
from search.synonyms import SYNONYMS_FILE, reload_synonyms


class Command(BaseCommand):
    help = "Lädt die Synonymliste (search/lexicon/synonyms.txt) neu in die Suchmaschine, ohne Neuaufbau der Indizes."

    def handle(self, *args, **options):
        try:
            result = reload_synonyms()
        except ENGINE_ERRORS as error:
            raise CommandError(f"Suchmaschine nicht erreichbar oder Synonymliste fehlerhaft: {error}")
        if result.failed_shards:
            raise CommandError(f"Synonyme in {result.failed_shards} Shard(s) nicht neu geladen.")
        where = ", ".join(result.copied_to) or "– (Datei wird auf den Knoten bereitgestellt)"
        self.stdout.write(f"Synonyme aus {SYNONYMS_FILE.name} neu geladen: {result.reloaded_shards} Shards; kopiert nach {where}")
