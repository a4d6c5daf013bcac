"""What can go wrong between the site and the engine, in one place for every caller."""

from opensearchpy.exceptions import OpenSearchException

# Everything the client raises when the engine is away, slow or refuses a request (its transport
# and connection errors are OpenSearchExceptions; sockets raise OSErrors).
ENGINE_ERRORS = (OpenSearchException, OSError)


class SearchUnavailable(Exception):
    """The search engine did not answer; the German message is for visitors."""

    message = "Die Volltextsuche ist gerade kurz nicht verfügbar. Bitte versuchen Sie es in wenigen Minuten erneut."
