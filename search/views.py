"""The public search page (/suche/) and the autocomplete endpoint; thin, logic in selectors."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search.query import MAX_QUERY_CHARS, SearchUnavailable
from search.selectors import FACETS, KINDS, RADIUS_CHOICES, autocomplete, site_search


def _int(value, default, lo, hi):
    try:
        return max(lo, min(hi, int(value)))
    except (TypeError, ValueError):
        return default


@require_GET
def search_view(request):
    params = request.GET
    q = params.get("q", "")[:MAX_QUERY_CHARS].strip()
    kind = params.get("typ") or None
    filters = {name: params.get(name, "")[:100] for name in FACETS}
    place_name = params.get("ort", "")[:100].strip()
    near = radius = None
    notice = ""
    if place_name:
        from common.gazetteer import lookup

        near = lookup(place_name)
        radius = _int(params.get("umkreis"), 25, 1, 200)
        if near is None:
            notice = f"Den Ort „{place_name}“ kennen wir nicht; die Umkreissuche ist daher ausgeschaltet."
    page = _int(params.get("seite"), 1, 1, 500)
    result = site_search(q=q, kind=kind, filters=filters, near=near, radius_km=radius, page=page)

    base = {"q": q, **{k: v for k, v in filters.items() if v}}
    if near is not None:
        base.update({"ort": place_name, "umkreis": radius})

    def link(**changes):
        merged = {**base, **({"typ": kind} if kind else {}), **changes}
        return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    for facet_name, facet in result.facets.items():
        for entry in facet["values"]:
            selected = facet["selected"] == entry["value"]
            entry["selected"] = selected
            entry["url"] = link(**{facet_name: "" if selected else entry["value"], "seite": None})
    type_links = [
        {"kind": g.kind, "label": g.label, "count": g.count, "url": link(typ=g.kind, seite=None), "selected": kind == g.kind}
        for g in result.groups
    ]
    context = {
        "q": q,
        "result": result,
        "kinds": KINDS,
        "type_links": type_links,
        "all_types_url": link(typ=None, seite=None),
        "previous_url": link(seite=page - 1) if page > 1 else None,
        "next_url": link(seite=page + 1) if kind and page < result.num_pages else None,
        "place_name": place_name,
        "radius": radius or 25,
        "radius_choices": RADIUS_CHOICES,
        "notice": notice,
    }
    status = 503 if result.unavailable else 200
    return render(request, "search/search.html", context, status=status)


@require_GET
def autocomplete_view(request):
    q = request.GET.get("q", "")[:MAX_QUERY_CHARS]
    try:
        results = autocomplete(q)
    except SearchUnavailable as error:
        return JsonResponse({"query": q, "results": [], "error": error.message}, status=503)
    return JsonResponse({"query": q, "results": results})
