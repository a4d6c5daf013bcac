"""What is indexed: one opensearch-py DSL document per searchable thing, each with its ``prepare``.

Names other code relies on:
- ``PremisesDocument.alias()``: the alias the matching query (matching/ranking.py) searches; its
  fields are exactly those ranking reads (id, external_id, title, description, city, location,
  use_types, features, status, area_sqm, rent_month_eur, available_from, interim_use) plus what
  the site search needs, among them the German labels of use types and features, indexed as text.
- ``DOCUMENTS``: kind → document class (``premises``, ``offers``, ``partners``, ``pages``).
- ``OfferDocument``: the offers list (partners.selectors.offers_search) filters, sorts and counts
  facets on its keyword fields (categories, target_groups, stages, cost, statewide, municipalities,
  provider_id, tag_names, valid_until, title_sort, created_at).

Only public things are indexed: ``indexable()`` is the queryset of what visitors may see, and the
sync (search/services.py) deletes from the index whatever is not (or no longer) in it. Pages too:
restricted pages and the members' area (/intern/) never reach the index.

Each document names its searched fields with their boosts: ``text_fields`` (German analysis),
``name_fields`` (names: no decompounding, word beginnings) and ``typo_fields`` (short fields
searched with fuzziness through ``.folded``).
"""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace

from django.conf import settings
from django.db.models import QuerySet
from opensearchpy import Boolean, Date, Document, Float, GeoPoint, Integer, Keyword

from common.vocabularies import Feature, OfferCost, SeekerKind, Stage, SupportCategory, UseType, labels
from search.analysis import german_text, name_keyword, name_text, sort_key


class SearchDocument(Document):
    """Shared shape: every document has an id, a title, a description and a url."""

    kind = ""  # short name: index alias suffix and queue key
    model_path = ""  # "app_label.ModelName"
    text_fields: dict[str, float] = {}
    name_fields: dict[str, float] = {}
    typo_fields: dict[str, float] = {}
    highlight_fields: tuple[str, ...] = ("description",)

    id = Integer()
    title = german_text(prefixes=True)
    description = german_text(typos=False)
    url = Keyword(index=False)

    @classmethod
    def alias(cls) -> str:
        """The read alias; the versioned indices behind it are ``<alias>_v<timestamp>``."""
        return f"{settings.SEARCH_INDEX_PREFIX}{cls.kind}"

    @classmethod
    def model(cls):
        from django.apps import apps

        return apps.get_model(cls.model_path)

    @classmethod
    def indexable(cls) -> QuerySet:
        """What visitors may find; everything else stays out of the index."""
        raise NotImplementedError

    @classmethod
    def prepare(cls, obj) -> dict:
        raise NotImplementedError

    @classmethod
    def objects_for(cls, pks) -> dict[str, object]:
        """The indexable objects among ``pks`` (pk as text → what ``prepare`` takes)."""
        return {str(obj.pk): obj for obj in cls.indexable().filter(pk__in=pks)}

    @classmethod
    def mapping(cls) -> dict:
        return cls._doc_type.mapping.to_dict()


@cache
def _premises_url_maker():
    from premises.models import premises_url_maker

    return premises_url_maker()


def _premises_url(pk) -> str:
    """A listing's public URL, the route reversed once per process (a rebuild prepares 100,000)."""
    return _premises_url_maker()(pk)


def _float(value):
    return float(value) if value is not None else None


class PremisesDocument(SearchDocument):
    kind = "premises"
    model_path = "premises.Premises"
    text_fields = {"title": 3.0, "use_type_labels": 2.0, "feature_labels": 1.5, "description": 1.0}
    name_fields = {"city": 2.0, "street": 0.5}
    typo_fields = {"title": 3.0, "use_type_labels": 2.0, "feature_labels": 1.5, "city": 2.0, "street": 0.5}

    external_id = Keyword()
    city = name_keyword()
    street = name_text()
    use_type_labels = german_text(multi=True)
    feature_labels = german_text(multi=True)
    postal_code = Keyword()
    location = GeoPoint()
    use_types = Keyword(multi=True)
    features = Keyword(multi=True)
    status = Keyword()
    area_sqm = Float()
    rent_month_eur = Float()
    available_from = Date()
    interim_use = Boolean()
    created_at = Date()

    # What ``prepare`` reads of a listing: plain rows, not model instances (a large import or a
    # rebuild prepares 100,000; building each ClusterableModel was most of that time).
    source_columns = ("id", "external_id", "title", "description", "city", "street", "postal_code", "latitude",
                      "longitude", "use_types", "features", "status", "area_sqm", "rent_month_eur",
                      "available_from", "interim_use", "created_at")

    @classmethod
    def indexable(cls):
        return cls.model().objects.public()

    @classmethod
    def objects_for(cls, pks) -> dict[str, object]:
        rows = cls.indexable().filter(pk__in=pks).values(*cls.source_columns)
        return {str(row["id"]): SimpleNamespace(pk=row["id"], **row) for row in rows}

    @classmethod
    def prepare(cls, obj) -> dict:
        return {
            "id": obj.pk,
            "external_id": obj.external_id,
            "title": obj.title,
            "description": obj.description,
            "url": _premises_url(obj.pk),
            "city": obj.city,
            "street": obj.street,
            "postal_code": obj.postal_code,
            "location": {"lat": obj.latitude, "lon": obj.longitude},
            "use_types": list(obj.use_types or []),
            "features": list(obj.features or []),
            "use_type_labels": labels(UseType, obj.use_types or []),
            "feature_labels": labels(Feature, obj.features or []) + (["Zwischennutzung"] if obj.interim_use else []),
            "status": obj.status,
            "area_sqm": _float(obj.area_sqm),
            "rent_month_eur": _float(obj.rent_month_eur),
            "available_from": obj.available_from.isoformat() if obj.available_from else None,
            "interim_use": bool(obj.interim_use),
            "created_at": obj.created_at.isoformat() if obj.created_at else None,
        }


def public_offers() -> QuerySet:
    """Offers visitors may see: the partners app's one definition."""
    from partners.selectors import public_offers as partners_public_offers

    return partners_public_offers()


def public_url(obj, fallback: str = "") -> str:
    """The object's public page; ``fallback`` (its website) when it has none."""
    get_url = getattr(obj, "get_absolute_url", None)
    if get_url is not None:
        try:
            return get_url()
        except Exception:  # noqa: BLE001 - a missing route must not stop indexing
            pass
    return fallback or ""


class OfferDocument(SearchDocument):
    kind = "offers"
    model_path = "partners.SupportOffer"
    text_fields = {"title": 3.0, "category_labels": 2.0, "tags": 1.5, "target_group_labels": 1.0, "description": 1.0}
    name_fields = {"provider": 1.5}
    typo_fields = {"title": 3.0, "category_labels": 2.0, "tags": 1.5, "provider": 1.5}

    external_id = Keyword()
    provider = name_keyword()
    provider_id = Integer()
    categories = Keyword(multi=True)
    category_labels = german_text(multi=True)
    target_groups = Keyword(multi=True)
    target_group_labels = german_text(multi=True, typos=False)
    tags = german_text(multi=True)
    stages = Keyword(multi=True)
    statewide = Boolean()
    municipalities = Keyword(multi=True)
    cost = Keyword()
    valid_until = Date()
    # Exact values for the offers list's filters and order (partners/selectors.py).
    title_sort = Keyword()
    tag_names = Keyword(multi=True)  # casefolded: the tag filter ignores case
    created_at = Date()

    @classmethod
    def indexable(cls):
        return public_offers().select_related("provider").prefetch_related("tags")

    @classmethod
    def prepare(cls, obj) -> dict:
        return {
            "id": obj.pk,
            "external_id": obj.external_id or "",
            "title": obj.title,
            "description": obj.description,
            "url": public_url(obj, obj.url),
            "provider": obj.provider.name,
            "provider_id": obj.provider_id,
            "categories": list(obj.categories or []),
            "category_labels": labels(SupportCategory, obj.categories or [])
            + labels(Stage, obj.stages or []) + labels(OfferCost, [obj.cost] if obj.cost else []),
            "target_groups": list(obj.target_groups or []),
            "target_group_labels": labels(SeekerKind, obj.target_groups or []),
            "tags": [tag.name for tag in obj.tags.all()],
            "stages": list(obj.stages or []),
            "statewide": bool(obj.statewide),
            "municipalities": list(obj.municipalities or []),
            "cost": obj.cost or None,
            "valid_until": obj.valid_until.isoformat() if obj.valid_until else None,
            "title_sort": sort_key(obj.title),
            "tag_names": sorted({tag.name.casefold() for tag in obj.tags.all()}),
            "created_at": obj.created_at.isoformat() if obj.created_at else None,
        }


class PartnerDocument(SearchDocument):
    kind = "partners"
    model_path = "partners.Partner"
    text_fields = {"title": 3.0, "kind_label": 1.5, "description": 1.0}
    name_fields = {"region": 1.5}
    typo_fields = {"title": 3.0, "kind_label": 1.5, "region": 1.5}

    slug = Keyword()
    partner_kind = Keyword()
    kind_label = german_text()
    region = name_keyword()

    @classmethod
    def indexable(cls):
        from partners.selectors import public_partners

        return public_partners()

    @classmethod
    def prepare(cls, obj) -> dict:
        return {
            "id": obj.pk,
            "title": obj.name,
            "description": obj.description,
            "url": public_url(obj, obj.website),
            "slug": obj.slug,
            "partner_kind": obj.kind,
            "kind_label": obj.get_kind_display(),
            "region": obj.region,
        }


class PageDocument(SearchDocument):
    """A public page of the site (alliance, working groups, news, events, toolbox…): its title,
    its summary (``description``) and the rest of its searchable text (``body``)."""

    kind = "pages"
    model_path = "wagtailcore.Page"
    text_fields = {"title": 3.0, "description": 1.5, "body": 1.0}
    typo_fields = {"title": 3.0}
    highlight_fields = ("description", "body")

    body = german_text(typos=False)

    @classmethod
    def indexable(cls):
        from search.pages import searchable_pages

        return searchable_pages()

    @classmethod
    def prepare(cls, obj) -> dict:
        from search.pages import page_texts

        summary, body = page_texts(obj)
        return {"id": obj.pk, "title": obj.title, "description": summary, "body": body, "url": obj.url or ""}


DOCUMENTS: dict[str, type[SearchDocument]] = {
    doc.kind: doc for doc in (PremisesDocument, OfferDocument, PartnerDocument, PageDocument)
}


def document_for_model(model) -> type[SearchDocument] | None:
    label = f"{model._meta.app_label}.{model.__name__}"
    return next((doc for doc in DOCUMENTS.values() if doc.model_path.lower() == label.lower()), None)
