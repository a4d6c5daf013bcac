"""Matching services: a seeker's request → ranked premises and support offers; a listing → the
saved seekers it fits.

The rules, weights and German reasons live in matching/ranking.py; this module only fetches
candidates (premises from the search index, offers from partners.selectors.public_offers) and
hands them to those rules. Three entry points:

- ``match_premises(req)`` / ``match_offers(req)`` (and ``match(req)`` for both), used by the public
  results page, ``POST /api/v1/matches`` and the alerts;
- ``fitting_seekers(listing_facts, limit=10)`` for reverse matching: the saved seeker profiles a
  listing (or a unit that is not listed yet, e.g. from vacancy management) fits best.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from common import gazetteer
from common.db import json_list_contains
from common.vocabularies import Feature, UseType, labels
from matching.memo import memo as matching_memo
from matching.models import SeekerProfile
from matching.ranking import (
    MatchRequest,
    OfferFacts,
    Place,
    Ranked,
    explain_premises,
    premises_query,
    rank_offers,
    rank_premises,
)
from premises.models import Premises

logger = logging.getLogger(__name__)

# The engine ranks the candidates with the rules' own functions (filters + function_score,
# matching.ranking.premises_query); its best ``limit + CANDIDATE_EXTRA`` are scored again by the
# rules in Python, which give the reasons and the final order.
CANDIDATE_EXTRA = 20


@dataclass
class PremisesMatch:
    premises: Premises
    score: int
    reasons: list[str]
    near_miss: bool


@dataclass
class OfferMatch:
    offer: object  # partners.models.SupportOffer
    score: int
    reasons: list[str]


@dataclass
class MatchResult:
    premises: list[PremisesMatch]
    offers: list[OfferMatch]


# ---------------------------------------------------------------- requests


def place_for(*, city: str | None = None, lat: float | None = None, lon: float | None = None) -> Place | None:
    """The seeker's place: a known municipality (by name) or coordinates."""
    if lat is not None and lon is not None:
        return Place(lat=lat, lon=lon, name="")
    found = gazetteer.lookup(city) if city else None
    return Place(lat=found.lat, lon=found.lon, name=found.name) if found else None


def seeker_municipality(req: MatchRequest) -> str | None:
    """The municipality a seeker's place lies in (coordinates: the nearest municipality centre)."""
    if req.place is None:
        return None
    if req.place.name:
        return req.place.name
    near = gazetteer.nearest(req.place.lat, req.place.lon)
    return near.name if near else None


def request_from_profile(profile: SeekerProfile, *, limit: int = 10) -> MatchRequest:
    place = None
    if profile.latitude is not None and profile.longitude is not None:
        place = Place(lat=profile.latitude, lon=profile.longitude, name=profile.city)
    return MatchRequest(
        kind=profile.kind,
        sector=profile.sector,
        use_types=list(profile.use_types or []),
        place=place,
        radius_km=profile.radius_km,
        area_min=profile.area_min,
        area_max=profile.area_max,
        rent_max=profile.rent_max,
        features=list(profile.features or []),
        interim_use=profile.interim_use,
        needs=list(profile.needs or []),
        stage=profile.stage or None,
        available_by=profile.available_by,
        text=profile.text or "",
        limit=limit,
    )


# ---------------------------------------------------------------- premises


class PremisesSearchUnavailable(Exception):
    """The search engine did not answer; callers say so in German instead of failing."""


def _search_premises(body: dict) -> dict:
    from opensearchpy.exceptions import NotFoundError

    from search.client import get_client
    from search.documents import PremisesDocument
    from search.errors import ENGINE_ERRORS

    try:
        return get_client().search(index=PremisesDocument.alias(), body=body)
    except NotFoundError:
        return {"hits": {"hits": []}}  # no index yet: nothing listed
    except ENGINE_ERRORS as exc:
        logger.warning("premises matching query failed: %s", exc)
        raise PremisesSearchUnavailable from exc


# What a premises match shows (the results page, the alert mail, POST /api/v1/matches): the ranking
# itself reads the index, so only these columns are loaded (not the description, the JSON lists, ...).
PREMISES_SHOWN = ("external_id", "title", "city", "area_sqm", "rent_month_eur")


def match_premises(req: MatchRequest, *, only_ids=None) -> list[PremisesMatch]:
    """Premises for ``req``, full fits first, then near misses; empty without use types.

    ``only_ids`` restricts the candidates (the alerts ask about new and changed listings only).
    """
    if not req.use_types:
        return []
    ids = None
    if only_ids is not None:
        ids = [int(pk) for pk in only_ids]
        if not ids:
            return []
    size = max(req.limit + CANDIDATE_EXTRA, len(ids or ()))
    response = _search_premises(premises_query(req, size=size, only_ids=ids))
    ranked = rank_premises(req, response)
    objects = Premises.objects.public().order_by().only(*PREMISES_SHOWN).in_bulk([r.id for r in ranked])
    return [
        PremisesMatch(premises=objects[r.id], score=r.score, reasons=r.reasons, near_miss=r.near_miss)
        for r in ranked
        if r.id in objects  # the index may briefly lag behind a deletion
    ]


# ---------------------------------------------------------------- offers


OFFER_FACTS = ("pk", "categories", "target_groups", "stages", "statewide", "municipalities")
# What an offer match shows (the results page and POST /api/v1/matches), read in the same query as
# the facts: the offers shown are built from these columns, the rest deferred as with ``.only()``
# (no second query loading the offer's 30 columns and its provider's 12).
OFFER_SHOWN = ("external_id", "title", "url", "provider_id", "provider__name")


def _with_deferred(model, db: str, values: dict):
    """An instance of ``model`` as the database would load it with ``.only(*values)``."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(db, names, [values[name] for name in names])


def _shown_offer(db: str, pk, external_id, title, url, provider_id, provider_name):
    from partners.models import Partner, SupportOffer

    offer = _with_deferred(SupportOffer, db, {"id": pk, "external_id": external_id, "title": title, "url": url,
                                              "provider_id": provider_id})
    offer.provider = _with_deferred(Partner, db, {"id": provider_id, "name": provider_name})
    return offer


def match_offers(req: MatchRequest) -> list[OfferMatch]:
    """Support offers for ``req``: target group and region are hard, needs, stage and local presence
    earn points. Offers are few (hundreds): the candidates of the seeker's target group that help
    with one of the needs are ranked in Python from their plain values, read in one query with the
    columns the offers shown need (once per memo generation and day, see matching.memo)."""
    from partners.selectors import public_offers

    today = timezone.localdate()
    memo = matching_memo()
    by_group = memo.get(("offers", today)) if memo is not None else None
    if by_group is None:
        by_group = _offers_by_target_group(public_offers(today))
        if memo is not None:
            # The memo is shared by the worker's threads: iterate over a copy of its keys (one
            # atomic step) and tolerate another thread's removing the same earlier day's offers.
            for key in [key for key in list(memo) if key[0] == "offers" and key[1] != today]:
                memo.pop(key, None)
            memo["offers", today] = by_group
    needs = set(req.needs)
    candidates = {offer.facts.id: offer for offer in by_group.get(req.kind, ())
                  if not needs or not needs.isdisjoint(offer.facts.categories)}
    ranked = rank_offers(req, [offer.facts for offer in candidates.values()], seeker_city=seeker_municipality(req))
    return [OfferMatch(offer=candidates[r.id].instance, score=r.score, reasons=r.reasons) for r in ranked]


@dataclass
class _Offer:
    facts: OfferFacts
    shown: tuple  # OFFER_SHOWN
    db: str

    @cached_property
    def instance(self):
        """The offer with its provider, deferred like ``.only(*OFFER_SHOWN)``; built once and shared
        by the matches of this memo generation (they only read it)."""
        return _shown_offer(self.db, self.facts.id, *self.shown)


def _offers_by_target_group(offers) -> dict[str, list[_Offer]]:
    """The public offers' facts and shown columns by target group, in one query (hundreds of rows;
    inside a transaction, where the memo is not used, they are read afresh per match)."""
    by_group: dict[str, list[_Offer]] = {}
    for pk, categories, groups, stages, statewide, municipalities, *shown in offers.values_list(
        *OFFER_FACTS, *OFFER_SHOWN
    ):
        facts = OfferFacts(id=pk, categories=list(categories or []), target_groups=list(groups or []),
                           stages=list(stages or []), statewide=bool(statewide),
                           municipalities=list(municipalities or []))
        offer = _Offer(facts=facts, shown=tuple(shown), db=offers.db)
        for group in dict.fromkeys(facts.target_groups):
            by_group.setdefault(group, []).append(offer)
    return by_group


def match(req: MatchRequest) -> MatchResult:
    return MatchResult(premises=match_premises(req), offers=match_offers(req))


# ---------------------------------------------------------------- reverse matching


@dataclass
class ListingFacts:
    """What reverse matching needs to know about a space (a listing or a unit not listed yet).

    ``municipality`` locates it when ``lat``/``lon`` are missing (gazetteer centre).
    """

    municipality: str
    use_types: list[str]
    area_sqm: float
    rent_month_eur: float | None = None
    features: list[str] = field(default_factory=list)
    available_from: date | None = None
    interim_use: bool = False
    lat: float | None = None
    lon: float | None = None
    title: str = ""
    description: str = ""

    @classmethod
    def from_premises(cls, premises: Premises) -> ListingFacts:
        return cls(
            municipality=premises.city,
            use_types=list(premises.use_types or []),
            area_sqm=float(premises.area_sqm),
            rent_month_eur=float(premises.rent_month_eur) if premises.rent_month_eur is not None else None,
            features=list(premises.features or []),
            available_from=premises.available_from,
            interim_use=premises.interim_use,
            lat=premises.latitude,
            lon=premises.longitude,
            title=premises.title,
            description=premises.description,
        )

    def location(self) -> dict | None:
        if self.lat is not None and self.lon is not None:
            return {"lat": self.lat, "lon": self.lon}
        found = gazetteer.lookup(self.municipality)
        return {"lat": found.lat, "lon": found.lon} if found else None

    def as_doc(self) -> dict:
        """The same values the premises index holds, for ranking.explain_premises."""
        return {
            "id": 0,
            "location": self.location(),
            "use_types": self.use_types,
            "area_sqm": self.area_sqm,
            "rent_month_eur": self.rent_month_eur,
            "features": self.features,
            "available_from": self.available_from.isoformat() if self.available_from else None,
            "interim_use": self.interim_use,
        }

    def matched_words(self, text: str) -> list[str]:
        """Stands in for the engine's free-text match (the space is not indexed): the seeker's
        words that occur in the title, description or labels."""
        from search.query import words_of

        haystack = " ".join([
            self.title, self.description, *labels(UseType, self.use_types), *labels(Feature, self.features),
        ]).casefold()
        return [word for word in words_of(text[:500]) if word.casefold() in haystack]


@dataclass
class SeekerFit:
    profile: SeekerProfile
    score: int
    reasons: list[str]
    near_miss: bool


def fitting_seekers(listing_facts: ListingFacts, limit: int = 10) -> list[SeekerFit]:
    """The saved (confirmed, subscribed) seeker profiles ``listing_facts`` fits best, with reasons.

    The same rules as the seeker's own search judge the space from the seeker's side: full fits
    first, then near misses, each best first; profiles it misses by more are left out. Works for
    spaces that are not listings yet (the vacancy register calls it for soon-vacant units).
    """
    if not listing_facts.use_types:
        return []
    any_use = Q()
    for code in listing_facts.use_types:
        any_use |= json_list_contains("use_types", code)
    doc = listing_facts.as_doc()
    fits = []
    for profile in SeekerProfile.objects.alertable().filter(any_use).order_by("pk").iterator():
        req = request_from_profile(profile)
        if req.place is not None and req.radius_km and doc["location"] is None:
            continue  # cannot tell the distance
        candidate = dict(doc, id=profile.pk, _text_matched=listing_facts.matched_words(req.text) if req.text else [])
        ranked: Ranked | None = explain_premises(req, candidate)
        if ranked is not None:
            fits.append(SeekerFit(profile=profile, score=ranked.score, reasons=ranked.reasons, near_miss=ranked.near_miss))
    fits.sort(key=lambda f: (f.near_miss, -f.score, f.profile.pk))
    return fits[:limit]
