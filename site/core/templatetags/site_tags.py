"""The site frame's template tags: main menu, footer, breadcrumbs and the SEO/sharing head tags.

Menu, footer and the default sharing image come from the cached site frame (core.selectors.site_frame).
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from core import selectors

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = _current_page(context)
    items = []
    for item in selectors.site_frame(request)["menu"]:
        url = item["url"]
        active = bool(current and (current.pk == item["pk"] or current.path.startswith(item["path"])))
        if not active and request is not None and url and url != "/":
            active = request.path.startswith(url)
        items.append({"title": item["title"], "url": url, "active": active,
                      "current": bool(current and current.pk == item["pk"])})
    return {"items": items, "request": request}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (address, contact, social media, legal pages), rendered once per frame generation."""
    return mark_safe(selectors.site_frame(context.get("request"))["footer_html"])  # noqa: S308 - our template


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = _current_page(context)
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    return {"crumbs": selectors.breadcrumbs(page), "page": page, "request": context.get("request")}


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_tags(context):
    request = context.get("request")
    page = _current_page(context)
    share = None
    image = selectors.share_image(page) if page is not None else None
    if image is not None:
        share = selectors.rendition_values(image)
    else:
        try:
            share = selectors.site_frame(request)["share"]
        except Exception:  # noqa: BLE001 - head tags must never break a page
            share = None
    # Absolute URLs from the request's (ALLOWED_HOSTS-checked) host, so canonical and og:image agree.
    canonical = None
    if request is not None:
        path = page.get_url(request) if page is not None else request.path
        canonical = request.build_absolute_uri(path) if path else None
    return {
        "request": request,
        "page": page,
        "canonical": canonical,
        "description": selectors.description(page) if page is not None else "",
        "og_type": "article" if page is not None and hasattr(page, "date") and page.depth > 3 else "website",
        "share": share,
    }
