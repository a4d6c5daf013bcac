"""Signals of the premises register.

``premises_changed`` is sent after writes that bypass model signals (bulk import, expiry,
confirmation) with ``external_ids``; the search index connects to it to stay current.
"""

from django.dispatch import Signal

premises_changed = Signal()
