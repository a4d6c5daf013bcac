"""Database helpers that must behave the same on SQLite and PostgreSQL."""

from django.db import connection
from django.db.models import Q


def json_list_contains(field: str, code: str) -> Q:
    """Q for "the JSON list in ``field`` contains ``code``" on every supported database.

    PostgreSQL has ``@>`` (JSONField ``__contains``); SQLite does not support ``__contains`` on
    JSON, so there we look for the quoted code in the stored text ('"retail"'), which is exact for
    lists of vocabulary codes (codes never contain quotes).
    """
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [code]})
    return Q(**{f"{field}__icontains": f'"{code}"'})
