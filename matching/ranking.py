"""How premises and support offers are ranked for a seeker, and why.

Every rule here does three jobs from one definition, so score, order and reasons cannot drift:
- it contributes a filter (hard constraint, relaxed by the near-miss tolerance) to the
  Elasticsearch query that fetches the candidates, and a scoring function for the engine-ranked
  query used when a request is too broad to score every candidate in Python;
- it scores a candidate from its indexed values with the same formula and weight;
- it says in German what fits and what does not.

Tune the weights and the tolerance here and nowhere else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from common.vocabularies import Feature, SupportCategory, UseType, labels

if TYPE_CHECKING:
    from search.query import Fields

# Points each rule can earn; a listing's score is the share of the points it could earn for
# what the seeker asked for, 0–100.
WEIGHTS = {
    "distance": 25.0,
    "area": 15.0,
    "rent": 20.0,
    "features": 20.0,
    "availability": 10.0,
    # Free text only tips the balance: a wished feature the seeker ticked counts for more than a
    # word of their description (tuned on bench/judged/stress: "Agentur" must not beat a missing lift).
    "text": 5.0,
    # Asked for, interim use is what the seeker needs most after place and size (pop-ups, culture):
    # a permanent-only listing must not beat one open for interim use at rent on request.
    "interim_use": 20.0,
}
RENT_ON_REQUEST_SHARE = 0.5  # rent unknown: half the rent points, never a near miss
DISTANCE_DECAY_AT_RADIUS = 0.5  # gauss decay: a listing at the edge of the radius keeps half the points
NEAR_MISS_TOLERANCE = 0.30  # one hard constraint missed by at most 30 % still shows, marked
FULL_FIT_BONUS = 1000.0  # engine-side only: every full fit sorts above every near miss

OFFER_WEIGHTS = {"needs": 60.0, "stage": 20.0, "local": 20.0}


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    name: str = ""


@dataclass
class MatchRequest:
    kind: str
    use_types: list[str] = field(default_factory=list)
    place: Place | None = None
    radius_km: float | None = None
    area_min: float | None = None
    area_max: float | None = None
    rent_max: float | None = None
    features: list[str] = field(default_factory=list)
    interim_use: bool = False
    needs: list[str] = field(default_factory=list)
    stage: str | None = None
    available_by: date | None = None
    text: str = ""
    sector: str = ""
    limit: int = 10


@dataclass
class Verdict:
    """What one rule says about one listing."""

    points: float
    possible: float
    reason: str | None = None
    miss: float | None = None  # relative miss of a hard constraint (0.12 = 12 % off); None = no miss


@dataclass
class Ranked:
    id: int
    score: int
    reasons: list[str]
    near_miss: bool
    source: dict


# ---------------------------------------------------------------- formatting (German)


def euro(value: float) -> str:
    return f"{value:,.0f} €".replace(",", ".")


def km(value: float) -> str:
    if value < 10:
        return f"{value:.1f} km".replace(".", ",")
    return f"{value:.0f} km"


def sqm(value: float) -> str:
    return f"{value:,.0f} m²".replace(",", ".")


def german_date(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def haversine_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance as Elasticsearch's arc distance computes it (mean earth radius)."""
    r = 6371.0088
    phi1, phi2 = math.radians(a_lat), math.radians(b_lat)
    dphi = phi2 - phi1
    dlmb = math.radians(b_lon - a_lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def gauss_decay(distance: float, scale: float, decay: float = DISTANCE_DECAY_AT_RADIUS) -> float:
    """Elasticsearch's gauss decay function (offset 0), so engine and explanation agree."""
    if scale <= 0:
        return 1.0
    sigma_sq = -(scale**2) / (2 * math.log(decay))
    return math.exp(-(distance**2) / (2 * sigma_sq))


# ---------------------------------------------------------------- premises rules


class Rule:
    name = ""

    def applies(self, req: MatchRequest) -> bool:
        return True

    @property
    def weight(self) -> float:
        return WEIGHTS[self.name]

    def strict_filter(self, req: MatchRequest) -> dict | None:
        """The hard constraint as a filter (None: soft rule)."""
        return None

    def relaxed_filter(self, req: MatchRequest) -> dict | None:
        """The hard constraint widened by the near-miss tolerance."""
        return None

    def functions(self, req: MatchRequest) -> list[dict]:
        """function_score functions that earn this rule's points in the engine."""
        return []

    def judge(self, req: MatchRequest, doc: dict) -> Verdict:
        raise NotImplementedError


class DistanceRule(Rule):
    name = "distance"

    def applies(self, req):
        return req.place is not None and bool(req.radius_km)

    def _geo(self, req, radius):
        origin = {"lat": req.place.lat, "lon": req.place.lon}
        return {"geo_distance": {"distance": f"{radius:.3f}km", "location": origin}}

    def strict_filter(self, req):
        return self._geo(req, req.radius_km)

    def relaxed_filter(self, req):
        return self._geo(req, req.radius_km * (1 + NEAR_MISS_TOLERANCE))

    def functions(self, req):
        return [{
            "gauss": {"location": {
                "origin": {"lat": req.place.lat, "lon": req.place.lon},
                "scale": f"{req.radius_km:.3f}km",
                "decay": DISTANCE_DECAY_AT_RADIUS,
            }},
            "weight": self.weight,
        }]

    def judge(self, req, doc):
        loc = doc["location"]
        distance = haversine_km(req.place.lat, req.place.lon, loc["lat"], loc["lon"])
        doc["_distance_km"] = distance
        points = self.weight * gauss_decay(distance, req.radius_km)
        where = f"vom Wunschort {req.place.name}" if req.place.name else "vom Wunschort"
        if distance <= req.radius_km:
            if distance < 1:
                at = f"liegt am Wunschort {req.place.name}" if req.place.name else "liegt am Wunschort"
                return Verdict(points, self.weight, at)
            return Verdict(points, self.weight, f"{km(distance)} {where}")
        over = distance - req.radius_km
        return Verdict(
            points, self.weight,
            f"{km(distance)} {where}, {km(over)} weiter als gewünscht",
            miss=over / req.radius_km,
        )


class AreaRule(Rule):
    name = "area"

    def applies(self, req):
        return req.area_min is not None or req.area_max is not None

    def _range(self, lo, hi):
        bounds = {}
        if lo is not None:
            bounds["gte"] = lo
        if hi is not None:
            bounds["lte"] = hi
        return {"range": {"area_sqm": bounds}}

    def strict_filter(self, req):
        return self._range(req.area_min, req.area_max)

    def relaxed_filter(self, req):
        lo = req.area_min * (1 - NEAR_MISS_TOLERANCE) if req.area_min is not None else None
        hi = req.area_max * (1 + NEAR_MISS_TOLERANCE) if req.area_max is not None else None
        return self._range(lo, hi)

    def functions(self, req):
        return [{"filter": self.strict_filter(req), "weight": self.weight}]

    def judge(self, req, doc):
        area = float(doc["area_sqm"])
        if req.area_min is not None and area < req.area_min:
            short = req.area_min - area
            return Verdict(0, self.weight, f"{sqm(short)} kleiner als gewünscht", miss=short / req.area_min)
        if req.area_max is not None and area > req.area_max:
            extra = area - req.area_max
            return Verdict(0, self.weight, f"{sqm(extra)} größer als gewünscht", miss=extra / req.area_max)
        return Verdict(self.weight, self.weight, f"{sqm(area)} passen zur gewünschten Größe")


class RentRule(Rule):
    name = "rent"

    def applies(self, req):
        return req.rent_max is not None

    def _filter(self, limit):
        # Within budget or rent on request, as one clause: a listing without rent is never above it.
        return {"bool": {"must_not": {"range": {"rent_month_eur": {"gt": limit}}}}}

    def strict_filter(self, req):
        return self._filter(req.rent_max)

    def relaxed_filter(self, req):
        return self._filter(req.rent_max * (1 + NEAR_MISS_TOLERANCE))

    def functions(self, req):
        return [
            {"filter": {"range": {"rent_month_eur": {"lte": req.rent_max}}}, "weight": self.weight},
            {"filter": {"bool": {"must_not": {"exists": {"field": "rent_month_eur"}}}},
             "weight": self.weight * RENT_ON_REQUEST_SHARE},
        ]

    def judge(self, req, doc):
        rent = doc.get("rent_month_eur")
        if rent is None:
            return Verdict(self.weight * RENT_ON_REQUEST_SHARE, self.weight, "Miete auf Anfrage")
        rent = float(rent)
        if rent <= req.rent_max:
            return Verdict(self.weight, self.weight, f"Miete {euro(rent)} liegt im Budget")
        over = rent - req.rent_max
        reason = f"Miete {euro(rent)} liegt {euro(over)} über dem Budget"
        return Verdict(0, self.weight, reason, miss=over / req.rent_max)


class FeaturesRule(Rule):
    name = "features"

    def applies(self, req):
        return bool(req.features)

    def functions(self, req):
        share = self.weight / len(req.features)
        return [{"filter": {"term": {"features": code}}, "weight": share} for code in req.features]

    def judge(self, req, doc):
        have = set(doc.get("features") or [])
        present = [c for c in req.features if c in have]
        missing = [c for c in req.features if c not in have]
        points = self.weight * len(present) / len(req.features)
        parts = []
        if present:
            parts.append(", ".join(labels(Feature, present)) + " vorhanden")
        if missing:
            parts.append("ohne " + ", ".join(labels(Feature, missing)))
        return Verdict(points, self.weight, "; ".join(parts))


class AvailabilityRule(Rule):
    name = "availability"

    def applies(self, req):
        return req.available_by is not None

    def functions(self, req):
        by = req.available_by.isoformat()
        return [{"filter": {"bool": {"should": [
            {"range": {"available_from": {"lte": by}}},
            {"bool": {"must_not": {"exists": {"field": "available_from"}}}},
        ], "minimum_should_match": 1}}, "weight": self.weight}]

    def judge(self, req, doc):
        raw = doc.get("available_from")
        when = date.fromisoformat(raw[:10]) if raw else None
        if when is None or when <= date.today():
            return Verdict(self.weight, self.weight, "sofort verfügbar")
        if when <= req.available_by:
            return Verdict(self.weight, self.weight, f"verfügbar ab {german_date(when)}")
        reason = f"erst ab {german_date(when)} verfügbar, gewünscht bis {german_date(req.available_by)}"
        return Verdict(0, self.weight, reason)


class InterimUseRule(Rule):
    name = "interim_use"

    def applies(self, req):
        return req.interim_use

    def functions(self, req):
        return [{"filter": {"term": {"interim_use": True}}, "weight": self.weight}]

    def judge(self, req, doc):
        if doc.get("interim_use"):
            return Verdict(self.weight, self.weight, "Zwischennutzung möglich")
        return Verdict(0, self.weight, "keine Zwischennutzung vorgesehen")


class TextRule(Rule):
    name = "text"
    fields = ("title", "description", "use_type_labels", "feature_labels")

    def words(self, req) -> list[str]:
        from search.query import words_of

        return words_of(req.text[:500])

    def applies(self, req):
        return bool(req.text.strip()) and bool(self.words(req))

    @staticmethod
    @cache
    def searched() -> Fields:
        """The listing's own texts (title, labels, description) in German, typos forgiven in the
        title: names of towns and streets are the distance rule's business, and typo tolerance
        over every short field was most of a match's engine time."""
        from search.documents import PremisesDocument
        from search.query import Fields

        every = Fields.of(PremisesDocument)
        return Fields(text=tuple((name, boost) for name, boost in every.text if name in TextRule.fields),
                      typos=tuple((name, boost) for name, boost in every.typos if name == "title"), alias=every.alias)

    def scoring_query(self, req) -> dict:
        """The rule's points as a query clause, each word evaluated once: the best of one constant
        score per word (the rule earns its weight for any word), each word named so the hit says
        which matched (the reason). No function repeats the text."""
        from search.query import word_clause

        return {"dis_max": {"queries": [
            {"constant_score": {"filter": word_clause(self.searched(), word), "boost": self.weight,
                                "_name": f"text:{word}"}}
            for word in self.words(req)
        ]}}

    def judge(self, req, doc):
        matched = doc.get("_text_matched") or []  # the words that matched (engine or reverse matching)
        if matched:
            return Verdict(self.weight, self.weight, "Beschreibung passt zu: " + ", ".join(matched[:5]))
        return Verdict(0, self.weight, None)


PREMISES_RULES: list[Rule] = [
    DistanceRule(), AreaRule(), RentRule(), FeaturesRule(), AvailabilityRule(), InterimUseRule(), TextRule(),
]


def active_rules(req: MatchRequest) -> list[Rule]:
    return [rule for rule in PREMISES_RULES if rule.applies(req)]


SOURCE_FIELDS = ["id", "external_id", "title", "city", "location", "area_sqm", "rent_month_eur",
                 "available_from", "features", "interim_use", "use_types"]


def _candidate_filters(req: MatchRequest, rules: list[Rule], only_ids: list[int] | None) -> list[dict]:
    """Exact filters only, the most selective first: use type, status, then each hard constraint
    widened by the near-miss tolerance (and ``only_ids``, for the alerts)."""
    filters: list[dict] = [
        {"terms": {"use_types": list(req.use_types)}},
        {"terms": {"status": ["published"]}},
    ]
    filters += [f for f in (rule.relaxed_filter(req) for rule in rules) if f]
    if only_ids is not None:
        filters.append({"terms": {"id": list(only_ids)}})
    return filters


def _text_rule(rules: list[Rule]) -> TextRule | None:
    return next((r for r in rules if isinstance(r, TextRule)), None)


def _text_clauses(req: MatchRequest, rules: list[Rule]) -> list[dict]:
    """The text rule's points, scored in the query (see ``TextRule.scoring_query``); they do not filter."""
    text_rule = _text_rule(rules)
    return [text_rule.scoring_query(req)] if text_rule else []


def premises_query(req: MatchRequest, *, size: int, only_ids: list[int] | None = None) -> dict:
    """The engine ranks: public listings of a wanted use type, at most one hard constraint
    missed (and that by at most the tolerance), scored by the rules' functions, full fits first
    (FULL_FIT_BONUS). Its best few are judged again by the rules (``rank_premises``)."""
    rules = active_rules(req)
    filters = _candidate_filters(req, rules, only_ids)
    strict = [f for f in (rule.strict_filter(req) for rule in rules) if f]
    if len(strict) > 1:
        filters.append({"bool": {"should": strict, "minimum_should_match": len(strict) - 1}})
    functions = [fn for rule in rules for fn in rule.functions(req)]
    full_fit = {"bool": {"filter": strict}} if strict else {"match_all": {}}
    functions.append({"filter": full_fit, "weight": FULL_FIT_BONUS})
    query: dict = {"bool": {"filter": filters}}
    should = _text_clauses(req, rules)
    if should:
        query["bool"]["should"] = should
    return {
        "size": size,
        "query": {"function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "sum",
            "boost_mode": "sum",  # the text rule's points come from the query, the others' from functions
        }},
        "sort": [{"_score": "desc"}, {"id": "asc"}],
        "_source": SOURCE_FIELDS,
        "track_total_hits": False,
    }


def judge_premises(req: MatchRequest, doc: dict, rules: list[Rule]) -> Ranked | None:
    """Score and reasons of one candidate from its indexed values, without the target-mix
    reasons (those need the database); None when it misses too much."""
    verdicts = [rule.judge(req, doc) for rule in rules]
    misses = [v.miss for v in verdicts if v.miss is not None]
    if len(misses) > 1 or any(m > NEAR_MISS_TOLERANCE + 1e-9 for m in misses):
        return None
    possible = sum(v.possible for v in verdicts)
    earned = sum(v.points for v in verdicts)
    use = labels(UseType, [u for u in req.use_types if u in (doc.get("use_types") or [])])
    reasons = [f"Nutzung passt: {', '.join(use)}"] if use else []
    # Misses first: a near miss says up front what does not fit.
    reasons = [v.reason for v in verdicts if v.miss is not None and v.reason] + reasons
    reasons += [v.reason for v in verdicts if v.miss is None and v.reason]
    score = round(100 * earned / possible) if possible else 100
    near_miss = bool(misses)
    if near_miss:
        reasons.insert(0, "Knapp daneben")
    return Ranked(id=int(doc["id"]), score=score, reasons=reasons, near_miss=near_miss, source=doc)


def explain_premises(req: MatchRequest, doc: dict, *, town_gaps: dict | None = None) -> Ranked | None:
    """Score and all reasons of one candidate; None when it misses too much.
    ``town_gaps``: a memo of target-mix gaps per town shared by the candidates of one request."""
    ranked = judge_premises(req, doc, active_rules(req))
    if ranked is not None:
        ranked.reasons += target_mix_reasons(req, doc, town_gaps=town_gaps)
    return ranked


def target_mix_reasons(req: MatchRequest, doc: dict, *, town_gaps: dict | None = None) -> list[str]:
    """The listing's town lacks the seeker's use in its target mix (vacancy management's Zielbild):
    "stärkt den Zielmix der Altstadt: Gastronomie fehlt". The gaps are looked up once per town
    (``town_gaps``), not once per candidate: a results page of 50 costs no more queries than one of 10."""
    from vacancy.selectors import mix_gaps, mix_reason

    wanted = [u for u in req.use_types if u in (doc.get("use_types") or [])]
    city = doc.get("city")
    if not city or not wanted:
        return []
    town_gaps = {} if town_gaps is None else town_gaps
    if city not in town_gaps:
        town_gaps[city] = mix_gaps(city)
    return [mix_reason(mix, row) for mix, row in town_gaps[city] if row.use in wanted]


def words_matched(req: MatchRequest, rules: list[Rule], response: dict) -> dict[int, list[str]]:
    """Listing id → the seeker's words it matched, in the seeker's order: from the per-word
    named queries of ``premises_query``."""
    text_rule = _text_rule(rules)
    if text_rule is None:
        return {}
    words = text_rule.words(req)
    found: dict[int, set[str]] = {}
    for hit in response["hits"]["hits"]:
        names = [n[5:] for n in (hit.get("matched_queries") or []) if n.startswith("text:")]
        found.setdefault(int(hit["_source"]["id"]), set()).update(names)
    return {pk: [w for w in words if w in matched] for pk, matched in found.items()}


def rank_premises(req: MatchRequest, response: dict) -> list[Ranked]:
    """Full fits first, then near misses, each best first (ties by id for stable answers).
    Every candidate is scored; only the ones shown get their target-mix reasons (database)."""
    rules = active_rules(req)
    matched = words_matched(req, rules, response)
    ranked = []
    for hit in response["hits"]["hits"]:
        doc = dict(hit["_source"])
        doc["_text_matched"] = matched.get(int(doc["id"]), [])
        result = judge_premises(req, doc, rules)
        if result is not None:
            ranked.append(result)
    ranked.sort(key=lambda r: (r.near_miss, -r.score, r.id))
    shown = ranked[: req.limit]
    from vacancy.selectors import towns_mix_gaps

    # The target mixes of the shown results' towns in one go (a page of 50 costs what one of 10 does).
    town_gaps = towns_mix_gaps(result.source.get("city") for result in shown) if req.use_types and shown else {}
    for result in shown:
        result.reasons += target_mix_reasons(req, result.source, town_gaps=town_gaps)
    return shown


# ---------------------------------------------------------------- support offers


@dataclass
class OfferFacts:
    """The indexed or stored values of an offer that matching looks at."""

    id: int
    categories: list[str]
    target_groups: list[str]
    stages: list[str]
    statewide: bool
    municipalities: list[str]


def explain_offer(req: MatchRequest, offer: OfferFacts, *, seeker_city: str | None) -> Ranked | None:
    """Target group and region are hard; needs, stage and local presence earn points."""
    if req.kind not in offer.target_groups:
        return None
    local = bool(seeker_city) and seeker_city.casefold() in {m.casefold() for m in offer.municipalities}
    if not offer.statewide and not local:
        return None
    reasons = []
    earned = possible = 0.0
    if req.needs:
        covered = [n for n in req.needs if n in offer.categories]
        if not covered:
            return None
        possible += OFFER_WEIGHTS["needs"]
        earned += OFFER_WEIGHTS["needs"] * len(covered) / len(req.needs)
        reasons.append("hilft bei: " + ", ".join(labels(SupportCategory, covered)))
    reasons.insert(0, "richtet sich an Ihre Zielgruppe")
    if req.stage:
        possible += OFFER_WEIGHTS["stage"]
        if not offer.stages or req.stage in offer.stages:
            earned += OFFER_WEIGHTS["stage"]
            reasons.append("passt zu Ihrer Phase")
        else:
            reasons.append("eher für eine andere Phase gedacht")
    possible += OFFER_WEIGHTS["local"]
    if local:
        earned += OFFER_WEIGHTS["local"]
        reasons.append(f"Angebot vor Ort in {seeker_city}")
    else:
        earned += OFFER_WEIGHTS["local"] / 2
        reasons.append("gilt in ganz Thüringen")
    score = round(100 * earned / possible) if possible else 100
    return Ranked(id=offer.id, score=score, reasons=reasons, near_miss=False, source={})


def rank_offers(req: MatchRequest, offers: list[OfferFacts], *, seeker_city: str | None) -> list[Ranked]:
    ranked = [r for r in (explain_offer(req, o, seeker_city=seeker_city) for o in offers) if r]
    ranked.sort(key=lambda r: (-r.score, r.id))
    return ranked[: req.limit]
