"""sitemap.xml entries of the partner directory and the public support offers (``public_offers()``)."""

from django.contrib.sitemaps import Sitemap

from partners.selectors import public_offers, public_partners


class OfferSitemap(Sitemap):
    def items(self):
        return public_offers().order_by("pk")

    def lastmod(self, offer):
        return offer.last_published_at or offer.updated_at


class PartnerSitemap(Sitemap):
    def items(self):
        return public_partners().order_by("pk")
