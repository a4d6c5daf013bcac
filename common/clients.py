"""Who sent a request: the one place that reads the client's address."""

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR, or behind the documented proxy the last entry of ``CLIENT_IP_HEADER`` (the one
    the proxy itself added; earlier entries are whatever the client claimed). Rate limits and
    login lockouts key on it, so behind a proxy one visitor never blocks everyone."""
    if request is None:
        return ""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip() or "unknown"
    return request.META.get("REMOTE_ADDR", "") or "unknown"
