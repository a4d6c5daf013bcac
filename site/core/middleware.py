"""Per-request memo for reads that many parts of one page repeat (e.g. the page view restrictions).

The memo lives exactly as long as one request, so nothing can go stale between requests; outside a
request (commands, tasks) there is no memo and every read goes to the database.
"""

import re
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse

request_memo: ContextVar[dict | None] = ContextVar("imz_request_memo", default=None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            request_memo.reset(token)


CONTROL_MESSAGE = (
    "Die Eingabe enthält Steuerzeichen (z. B. ein Nullzeichen). Bitte entfernen Sie sie und versuchen Sie es erneut."
)
# C0 controls except tab, line feed and carriage return; PostgreSQL refuses NUL in text outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_JSON_CONTROL = re.compile(rb"\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])|[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ControlCharacterMiddleware:
    """Input with control characters is refused at the door with a German 400, for every form,
    query string and JSON body (issue 21.10: a NUL byte answered 500 on PostgreSQL). Uploaded files
    are the imports' own business (they check their rows)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        field = self._bad_field(request)
        if field is not None:
            if request.path.startswith("/api/"):
                return JsonResponse({"errors": [{"field": field, "reason": CONTROL_MESSAGE}]}, status=400)
            return HttpResponseBadRequest(
                f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Ungültige Eingabe</title></head>'
                f"<body><h1>Ungültige Eingabe</h1><p>{CONTROL_MESSAGE}</p></body></html>",
                content_type="text/html; charset=utf-8",
            )
        return self.get_response(request)

    @staticmethod
    def _bad_field(request) -> str | None:
        for key, values in request.GET.lists():
            if _CONTROL.search(key) or any(_CONTROL.search(v) for v in values):
                return key if not _CONTROL.search(key) else "query"
        if request.method not in ("POST", "PUT", "PATCH"):
            return None
        content_type = request.content_type or ""
        if content_type == "application/json":
            return "body" if _JSON_CONTROL.search(request.body or b"") else None
        if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            for key, values in request.POST.lists():
                if _CONTROL.search(key) or any(_CONTROL.search(v) for v in values):
                    return key if not _CONTROL.search(key) else "form"
        return None


def content_security_policy() -> str:
    """The site's policy: everything from this site; images also from the map's tile host (loaded
    only after the visitor's click, premises-map.js); frames only from the two-click media hosts."""
    tile = urlsplit(settings.MAP_TILE_URL)
    tile_origin = f"{tile.scheme}://{tile.netloc}" if tile.scheme and tile.netloc else ""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        " ".join(["img-src 'self' data:", tile_origin]).strip(),
        "font-src 'self'",
        "connect-src 'self'",
        " ".join(["frame-src 'self'", *settings.CSP_FRAME_SOURCES]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ])


class ContentSecurityPolicyMiddleware:
    """Sends the policy with every answer outside the admins (CSP_EXEMPT_PREFIXES)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.CSP_EXEMPT_PREFIXES):
            response.setdefault("Content-Security-Policy", self.policy)
        return response
