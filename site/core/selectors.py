"""Read queries of the site frame: menu, breadcrumbs, the home page's sections, sharing metadata.

Only live, public pages ever reach a menu, a listing or the sitemap.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from core.middleware import request_memo

HOME_NEWS = 3
HOME_EVENTS = 3
# The seekers' guided form (matching app, /passend/); the link is skipped while it is not routed.
MATCHING_URL_NAMES = ["seekers:start"]


def public_pages(queryset):
    """``queryset.public()``, with the view restrictions read once per request, not once per call.

    Same rule as Wagtail's ``public()``: no page inside a restricted section, ever.
    """
    memo = request_memo.get()
    if memo is None:
        return queryset.public()
    if "private_q" not in memo:
        memo["private_q"] = Page.objects.all().private_q()
    return queryset.exclude(memo["private_q"])


def site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def menu_pages(request):
    """The home page's children an editor marked "show in menus", in page-tree order."""
    root = site_root(request)
    if root is None:
        return Page.objects.none()
    return public_pages(root.get_children().live().in_menu()).order_by("path")


def breadcrumbs(page):
    """Ancestors of `page` from the site's home (inclusive) down to its parent."""
    if page is None or not getattr(page, "pk", None):
        return []
    return list(page.get_ancestors().filter(depth__gte=2).live().order_by("depth"))


def _first_page(model_label):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    return public_pages(model.objects.live()).first()


def _reverse_first(names):
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def platform_links():
    """The platform's tools beyond the alliance pages: premises, matching, the heat toolbox."""
    links = []
    premises_url = _reverse_first(["matching:premises_list"])
    if premises_url:
        links.append(
            {
                "title": "Freie Flächen in Thüringer Innenstädten",
                "text": "Leerstehende Läden, Büros und Werkstätten von Kommunen, LEG und Eigentümern.",
                "url": premises_url,
                "label": "Flächen ansehen",
            }
        )
    matching_url = _reverse_first(MATCHING_URL_NAMES)
    if matching_url:
        links.append(
            {
                "title": "Passende Räume und Unterstützung finden",
                "text": "Für Gründung, Nachfolge und Erweiterung: Flächen und Beratungsangebote, die zu Ihnen passen.",
                "url": matching_url,
                "label": "Jetzt suchen",
            }
        )
    toolbox = _first_page("toolbox.MeasureIndexPage")
    if toolbox is not None:
        links.append(
            {
                "title": toolbox.title,
                "text": "Maßnahmen für den Hitzeschutz in der Kommune: Aufwand, Kosten, Förderung und Schritte.",
                "url": toolbox.url,
                "label": "Zur Toolbox",
            }
        )
    return links


def home_sections(home):
    from alliance import selectors as alliance_selectors

    return {
        "working_groups": alliance_selectors.working_groups(),
        "upcoming_events": alliance_selectors.upcoming_events()[:HOME_EVENTS],
        "latest_news": alliance_selectors.news()[:HOME_NEWS],
        "platform_links": platform_links(),
        "events_index": _first_page("alliance.EventIndexPage"),
        "news_index": _first_page("alliance.NewsIndexPage"),
        "working_groups_index": _first_page("alliance.WorkingGroupIndexPage"),
    }


def share_image(page):
    """The page's own image for Open Graph: its `image` field, else its first photo."""
    image = getattr(page, "image", None)
    if isinstance(image, AbstractImage):
        return image
    photos = getattr(page, "photos", None)
    if photos is not None and hasattr(photos, "first"):
        first = photos.first()
        if first is not None:
            return first.image
    return None


def description(page):
    """search_description, else the teaser or intro as plain text (for meta description and og)."""
    if page.search_description:
        return page.search_description
    for name in ("teaser", "intro", "summary"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return Truncator(" ".join(strip_tags(value).split())).chars(200)
    return ""
