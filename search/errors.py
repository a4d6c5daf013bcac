"""What can go wrong between the site and the engine, in one place for every caller."""

from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import OpenSearchException, TransportError

# Everything the client raises when the engine is away, slow or refuses a request.
ENGINE_ERRORS = (OpenSearchException, TransportError, EngineConnectionError, ConnectionError, TimeoutError, OSError)


class SearchUnavailable(Exception):
    """The search engine did not answer; the German message is for visitors."""

    message = "Die Volltextsuche ist gerade kurz nicht verfügbar. Bitte versuchen Sie es in wenigen Minuten erneut."
