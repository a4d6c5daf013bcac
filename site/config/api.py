"""The public JSON API under /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs).

Each app contributes a router; errors answer in German with the field and the reason.
"""

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from pydantic import BaseModel

api = NinjaAPI(
    title="Innenstädte mit Zukunft – API",
    version="1",
    description="Öffentliche Schnittstelle der Plattform des Thüringer Aktionsbündnisses „Innenstädte mit Zukunft“.",
    urls_namespace="api-v1",
)


# The highest page a list API accepts: far beyond any real list, small enough that an offset never
# overflows the database's integers (issue 21.16: page=922337203685477580 answered 500).
MAX_PAGE = 10_000


class PlainOut(BaseModel):
    """Base of an answer that the view builds as plain dicts and lists of exactly its fields.

    pydantic checks those in its core; ninja's ``Schema`` would wrap every nested dict in a
    ``DjangoGetter`` for ORM attribute access, several times dearer (0.45 ms for a page of 20
    premises with facets). Same OpenAPI description, same JSON.
    """


class ApiInputError(Exception):
    """Bad input found by our own checks (unknown vocabulary code, inconsistent parameters)."""

    def __init__(self, field: str, reason: str, status: int = 400):
        super().__init__(reason)
        self.field = field
        self.reason = reason
        self.status = status


@api.exception_handler(ApiInputError)
def _input_error(request: HttpRequest, exc: ApiInputError):
    return api.create_response(
        request, {"errors": [{"field": exc.field, "reason": exc.reason}]}, status=exc.status
    )


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError):
    errors = []
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", []) if part not in ("query", "body", "payload")]
        errors.append({"field": ".".join(loc) or "body", "reason": _german_reason(error)})
    return api.create_response(request, {"errors": errors}, status=422)


HTTP_REASONS = {
    400: "Der Inhalt der Anfrage ist kein gültiges JSON.",
    401: "Bitte melden Sie sich an.",
    403: "Dafür fehlt Ihnen die Berechtigung.",
    404: "Nicht gefunden.",
    405: "Diese Methode ist hier nicht erlaubt.",
    429: "Zu viele Anfragen. Bitte versuchen Sie es später erneut.",
}


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    """ninja's own refusals (e.g. a body that is not JSON) answer in German like ours."""
    reason = HTTP_REASONS.get(exc.status_code, "Die Anfrage konnte nicht bearbeitet werden.")
    return api.create_response(request, {"errors": [{"field": "body", "reason": reason}]}, status=exc.status_code)


def _german_reason(error) -> str:
    kind = error.get("type", "")
    reasons = {
        "missing": "Pflichtangabe fehlt.",
        "int_parsing": "Bitte eine ganze Zahl angeben.",
        "float_parsing": "Bitte eine Zahl angeben.",
        "bool_parsing": "Bitte true oder false angeben.",
        "date_from_datetime_parsing": "Bitte ein Datum im Format JJJJ-MM-TT angeben.",
        "date_parsing": "Bitte ein Datum im Format JJJJ-MM-TT angeben.",
        "greater_than": "Der Wert ist zu klein.",
        "greater_than_equal": "Der Wert ist zu klein.",
        "less_than": "Der Wert ist zu groß.",
        "less_than_equal": "Der Wert ist zu groß.",
        "string_too_long": "Der Text ist zu lang.",
        "literal_error": "Unbekannter Wert.",
        "enum": "Unbekannter Wert.",
        "list_type": "Bitte eine Liste angeben.",
        "dict_type": "Bitte ein Objekt angeben.",
        "json_invalid": "Ungültiges JSON.",
    }
    return reasons.get(kind, "Ungültige Angabe.")


# Routers of the apps (each app's api.py defines ``router``):
api.add_router("/offers", "partners.api.router")
api.add_router("/premises", "premises.api.router")
api.add_router("/stats", "vacancy.api.stats_router")
api.add_router("/vacancy-reports", "vacancy.api.reports_router")
api.add_router("/matches", "matching.matches_api.router")
api.add_router("/measures", "toolbox.api.router")
api.add_router("/kompass", "toolbox.api.kompass_router")
