"""sitemap.xml: live public pages only; nothing of the members' area (/intern/) ever appears."""

from urllib.parse import urlsplit

from wagtail.contrib.sitemaps import Sitemap

PRIVATE_PREFIXES = ("/intern/",)
PRIVATE_APPS = {"members"}


class PublicSitemap(Sitemap):
    def items(self):
        # Wagtail's items() is already live().public(): pages with a view restriction (and their
        # subtree) are gone; the members' area is excluded by app and by path as well.
        return super().items().exclude(content_type__app_label__in=PRIVATE_APPS)

    def _urls(self, page, protocol, domain):
        return [url for url in super()._urls(page, protocol, domain) if not _is_private(url["location"])]


def _is_private(location):
    return urlsplit(location).path.startswith(PRIVATE_PREFIXES)
