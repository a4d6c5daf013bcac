"""Read queries of the site frame: menu, breadcrumbs, the home page's sections, sharing metadata.

Only live, public pages ever reach a menu, a listing or the sitemap.
"""

from uuid import uuid4

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site

from core.middleware import request_memo

HOME_NEWS = 3
HOME_EVENTS = 3
# The seekers' guided form (matching app, /passend/); the link is skipped while it is not routed.
MATCHING_URL_NAMES = ["seekers:start"]


# The frame is rebuilt at the latest after this long even if no signal reached this cache.
FRAME_TIMEOUT = 60 * 60
FRAME_GENERATION_KEY = "site-frame:generation"
SHARE_RENDITION = "fill-1200x630"


def restricted_paths():
    """Tree paths of the pages with a view restriction (each closes its whole section), read once
    per request."""
    memo = request_memo.get()
    if memo is not None and "restricted_paths" in memo:
        return memo["restricted_paths"]
    paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    if memo is not None:
        memo["restricted_paths"] = paths
    return paths


def is_restricted(page):
    """The page lies in a restricted section (same rule as Wagtail's ``get_view_restrictions()``)."""
    return any(page.path.startswith(path) for path in restricted_paths())


def public_pages(queryset):
    """``queryset.public()``, with the view restrictions read once per request, not once per call.

    Same rule as Wagtail's ``public()``: no page inside a restricted section, ever.
    """
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


# ---------------------------------------------------------------- the site frame, cached


def site_frame(request):
    """What every page shows around its content: menu entries, the rendered footer and the default
    sharing image, as plain values.

    Kept in Django's cache (shared by all workers of a host; Redis for several hosts) until an editor
    publishes, moves or deletes a page, changes a view restriction, the site, an image or the
    settings; then ``forget_site_frame`` (core.signals) starts a new generation and the next request
    rebuilds it.
    """
    memo = request_memo.get()
    if memo is not None and "site_frame" in memo:
        return memo["site_frame"]
    host = request.get_host() if request is not None else ""
    key = f"site-frame:{_generation()}:{host}"
    frame = cache.get(key)
    if frame is None:
        frame = _build_frame(request)
        cache.set(key, frame, FRAME_TIMEOUT)
    if memo is not None:
        memo["site_frame"] = frame
    return frame


def _generation():
    generation = cache.get(FRAME_GENERATION_KEY)
    if generation is None:
        cache.add(FRAME_GENERATION_KEY, uuid4().hex, None)
        generation = cache.get(FRAME_GENERATION_KEY)
    return generation


def forget_site_frame():
    cache.set(FRAME_GENERATION_KEY, uuid4().hex, None)


def _build_frame(request):
    from core.models import SiteSettings

    site_settings = SiteSettings.objects.select_related("share_image", "imprint_page", "privacy_page").first()
    if site_settings is None:  # nothing saved yet: the defaults, without writing on a read
        site_settings = SiteSettings()
    menu = [
        {"pk": item.pk, "path": item.path, "title": item.title, "url": item.get_url(request)}
        for item in menu_pages(request)
    ]
    share = None
    if site_settings.share_image is not None:
        share = rendition_values(site_settings.share_image)
    footer = render_to_string("includes/footer.html", {"site_settings": site_settings}, request=request)
    return {"menu": menu, "footer_html": footer, "share": share}


def rendition_values(image, spec=SHARE_RENDITION):
    from wagtail.images.shortcuts import get_rendition_or_not_found

    rendition = get_rendition_or_not_found(image, spec)  # a missing file must not break every page
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


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


def _first_pages(*model_labels):
    """The first live, public page of each model (in page-tree order; None if there is none), in one query."""
    models = {}
    for label in model_labels:
        try:
            models[label] = apps.get_model(label)
        except LookupError:
            continue
    first = dict.fromkeys(model_labels)
    if not models:
        return first
    types = ContentType.objects.get_for_models(*models.values())  # one query, then cached per process
    label_of = {types[model].pk: label for label, model in models.items()}
    for page in public_pages(Page.objects.live().filter(content_type__in=list(label_of))).order_by("path"):
        label = label_of[page.content_type_id]
        if first[label] is None:
            first[label] = page
    return first


def _reverse_first(names):
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def platform_links(toolbox=None):
    """The platform's tools beyond the alliance pages: premises, matching, the heat toolbox
    (``toolbox``: its index page, if there is one)."""
    links = []
    premises_url = _reverse_first(["premises:list"])
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
    """The home page's sections, cached like the site frame (a new generation with every published
    page) and at the latest until the first of the shown events is over."""
    key = f"home-sections:{_generation()}:{home.pk}"
    sections = cache.get(key)
    if sections is None:
        sections = _home_sections()
        now = timezone.now()
        ends = [event.end or event.start for event in sections["upcoming_events"]]
        timeout = min([FRAME_TIMEOUT, *((end - now).total_seconds() for end in ends)])
        if timeout >= 1:
            cache.set(key, sections, int(timeout))
    return sections


def _home_sections():
    from alliance import selectors as alliance_selectors

    first = _first_pages("toolbox.MeasureIndexPage", "alliance.EventIndexPage", "alliance.NewsIndexPage",
                         "alliance.WorkingGroupIndexPage")
    return {
        "working_groups": list(alliance_selectors.working_groups().defer_streamfields()),
        "upcoming_events": list(alliance_selectors.upcoming_events().defer_streamfields()[:HOME_EVENTS]),
        "latest_news": list(alliance_selectors.news().defer_streamfields()[:HOME_NEWS]),
        "platform_links": platform_links(toolbox=first["toolbox.MeasureIndexPage"]),
        "events_index": first["alliance.EventIndexPage"],
        "news_index": first["alliance.NewsIndexPage"],
        "working_groups_index": first["alliance.WorkingGroupIndexPage"],
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
