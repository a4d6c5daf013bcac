"""Which pages visitors may find, and the text of a page as the page index holds it."""

from __future__ import annotations

from django.db.models import Q
from django.utils.html import strip_tags

MEMBERS_AREA = "/intern/"
# Page fields that summarise a page (shown as its snippet), in this order; the rest is its body.
SUMMARY_FIELDS = ("intro", "teaser", "summary", "description", "short_name")


def searchable_pages():
    """Live pages outside restricted sections and the members' area, as their specific types.

    The closed sections (pages with a view restriction, the members' area) are read in one query;
    each closes its whole subtree. The index holds only these, and the search reads them back
    through this queryset, so a page that became private is never shown even before its sync.
    """
    from wagtail.models import Page

    closed = Page.objects.filter(Q(view_restrictions__isnull=False) | Q(url_path__contains=MEMBERS_AREA))
    hidden = Q()
    for path in sorted(set(closed.values_list("path", flat=True))):
        hidden |= Q(path__startswith=path)
    pages = Page.objects.live().filter(depth__gt=1)
    return (pages.exclude(hidden) if hidden else pages).specific()


def subtree_ids(page) -> list[int]:
    """The page and everything below it: a restriction, a move or a new slug changes them all."""
    from wagtail.models import Page

    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def _field_text(page, search_field) -> str:
    """The field as text: ``get_value`` already gives a StreamField's or rich text's searchable content."""
    value = search_field.get_value(page)
    parts = value if isinstance(value, list | tuple) else [value]
    return " ".join(strip_tags(str(part)) for part in parts if part).strip()


def page_texts(page) -> tuple[str, str]:
    """(summary, body): the page's search description or first summary field, and the text of
    its other search fields (Wagtail's ``search_fields``, StreamField blocks included)."""
    from modelsearch.index import SearchField

    texts = {}
    for search_field in page.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name not in ("title", "search_description"):
            text = _field_text(page, search_field)
            if text:
                texts[search_field.field_name] = text
    summary_name = next((name for name in SUMMARY_FIELDS if texts.get(name)), None)
    summary = page.search_description or (texts.pop(summary_name) if summary_name else "")
    return summary, "\n".join(texts.values())
