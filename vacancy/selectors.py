"""Read side of vacancy management: the figures of the dashboard and GET /api/v1/stats/vacancy (one
function computes both), target-mix gaps and reasons, the early-warning list with fitting seekers.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from common import gazetteer
from common.vocabularies import SeekerKind, UseType, labels
from matching.memo import memo as matching_memo
from vacancy.models import VACANT, TargetMix, TargetShare, Unit, UnitUse

USE_ORDER = [*UseType.values, VACANT]
DURATION_BUCKETS = [  # (label, upper bound in days, exclusive)
    ("unter 6 Monate", 183),
    ("6–12 Monate", 365),
    ("1–2 Jahre", 730),
    ("über 2 Jahre", None),
]


def normalise_city(city: str | None) -> str | None:
    if not city:
        return None
    place = gazetteer.lookup(city)
    return place.name if place else city.strip()


def units_in(*, units: QuerySet | None = None, city: str | None = None, zone: str | None = None) -> QuerySet:
    units = Unit.objects.all() if units is None else units
    city = normalise_city(city)
    if city:
        units = units.filter(city__iexact=city)
        if zone:
            units = units.filter(zone__iexact=zone.strip())
    return units


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    value = statistics.median(values)
    return int(value) if float(value).is_integer() else round(float(value), 1)


@dataclass
class VacancyStats:
    """The contract's figures, plus what only the dashboard shows."""

    units: int
    vacant: int
    vacancy_rate: float
    soon_vacant: int
    by_use: dict[str, int]
    median_vacancy_days: float | None
    by_duration: list[tuple[str, int]] = field(default_factory=list)
    median_days_to_let: float | None = None
    lettings: int = 0

    @property
    def vacancy_percent(self) -> str:
        return f"{self.vacancy_rate * 100:.1f} %".replace(".", ",")

    def contract(self) -> dict:
        """The answer of GET /api/v1/stats/vacancy."""
        return {
            "units": self.units, "vacant": self.vacant, "vacancy_rate": self.vacancy_rate,
            "soon_vacant": self.soon_vacant, "by_use": self.by_use, "median_vacancy_days": self.median_vacancy_days,
        }


def vacancy_stats(*, units: QuerySet | None = None, city: str | None = None, zone: str | None = None,
                  today: date | None = None) -> VacancyStats:
    """Vacancy figures over ground-floor and upper-floor units alike (contract): vacancy rate =
    vacant / units, units per use, soon-vacant occupied units, median days vacant so far (units
    with a known ``vacant_since``), days vacant by bucket, and median time to let (vacancies that
    ended in a new use)."""
    today = today or timezone.localdate()
    scope = units_in(units=units, city=city, zone=zone)
    counts = dict(scope.values_list("use").annotate(n=Count("pk")).values_list("use", "n"))
    by_use = {code: counts.get(code, 0) for code in USE_ORDER}
    total = sum(counts.values())
    vacant = by_use[VACANT]
    soon = scope.exclude(use=VACANT).filter(soon_vacant_from__isnull=False).count()
    days = [(today - since).days for since in scope.filter(use=VACANT, vacant_since__isnull=False)
            .values_list("vacant_since", flat=True)]
    buckets = []
    lower = 0
    for label, upper in DURATION_BUCKETS:
        buckets.append((label, sum(1 for d in days if d >= lower and (upper is None or d < upper))))
        lower = upper or 0
    unknown = vacant - len(days)
    if unknown:
        buckets.append(("Beginn unbekannt", unknown))
    let = [(ended - started).days for started, ended in UnitUse.objects.filter(
        unit__in=scope, use=VACANT, started__isnull=False, ended__isnull=False,
    ).values_list("started", "ended")]
    return VacancyStats(
        units=total, vacant=vacant, vacancy_rate=round(vacant / total, 4) if total else 0.0, soon_vacant=soon,
        by_use=by_use, median_vacancy_days=_median(days), by_duration=buckets,
        median_days_to_let=_median(let), lettings=len(let),
    )


# ---------------------------------------------------------------- target mix


@dataclass
class MixRow:
    use: str
    label: str
    target: int  # percent
    actual: float  # percent of the area's units
    units: int

    @property
    def gap(self) -> float:
        return round(self.target - self.actual, 1)

    @property
    def lacking(self) -> bool:
        return self.actual < self.target


@dataclass
class MixStatus:
    mix: TargetMix
    units: int
    rows: list[MixRow]

    @property
    def gaps(self) -> list[MixRow]:
        return sorted((row for row in self.rows if row.lacking), key=lambda r: -r.gap)


def mix_status(mix: TargetMix, counts: dict[str, int] | None = None, shares=None) -> MixStatus:
    """Actual against target: each use's share of all units of the mix's area (vacant units count
    in the whole, since they are where the mix can still be reached). ``counts`` (units per use in
    the mix's area) and ``shares``: when the caller read them already."""
    if counts is None:
        scope = units_in(city=mix.city, zone=mix.zone or None)
        counts = dict(scope.values_list("use").annotate(n=Count("pk")).values_list("use", "n"))
    total = sum(counts.values())
    rows = []
    shares = mix.shares.all() if shares is None else shares
    for share in sorted(shares, key=lambda share: (share.sort_order or 0, share.pk)):
        n = counts.get(share.use, 0)
        actual = round(100 * n / total, 1) if total else 0.0
        rows.append(MixRow(use=share.use, label=labels(UseType, [share.use])[0] if share.use in UseType.values else share.use,
                           target=share.percent, actual=actual, units=n))
    return MixStatus(mix=mix, units=total, rows=rows)


def _mixes(municipality) -> QuerySet:
    mixes = TargetMix.objects.prefetch_related("shares")
    if municipality is None:
        return mixes
    if isinstance(municipality, str):
        return mixes.filter(city__iexact=normalise_city(municipality))
    return mixes.filter(municipality=municipality)


def mix_gaps(municipality, *, zone: str | None = None) -> list[tuple[TargetMix, MixRow]]:
    """Uses a town's centre (or a zone of it) lacks against its target mix, largest gap first.
    ``municipality`` is a town (Partner) or a city name; with ``zone`` only that zone's mix and the
    whole centre's mix count."""
    result = []
    for mix in _mixes(municipality):
        if zone is not None and mix.zone and mix.zone.casefold() != zone.casefold():
            continue
        for row in mix_status(mix).gaps:
            result.append((mix, row))
    result.sort(key=lambda pair: -pair[1].gap)
    return result


def towns_mix_gaps(cities) -> dict[str, list[tuple[TargetMix, MixRow]]]:
    """``mix_gaps`` of many towns at once (the towns of a results page), keyed by the names given:
    at most two queries however many towns and candidates, none for towns read before in this
    memo generation (matching.memo; the lists are shared, read them only)."""
    names = {city: normalise_city(city) for city in set(cities) if city}
    memo = matching_memo()
    if memo is None:
        return _towns_mix_gaps(names)
    missing = {name for name in names.values() if ("mix-gaps", name) not in memo}
    if missing:
        for name, gaps in _towns_mix_gaps({name: name for name in missing}).items():
            memo["mix-gaps", name] = gaps
    return {city: memo["mix-gaps", name] for city, name in names.items()}


def _towns_mix_gaps(names: dict) -> dict[str, list[tuple[TargetMix, MixRow]]]:
    """``towns_mix_gaps`` from the database; ``names``: the cities given → their normalised names."""
    result: dict[str, list[tuple[TargetMix, MixRow]]] = {city: [] for city in names}
    wanted = Q()
    for name in set(names.values()):
        wanted |= Q(mix__city__iexact=name)
    shares_of: dict[TargetMix, list[TargetShare]] = {}  # in the mixes' order (city, zone)
    if names:
        # One join, not a subquery of the mixes: a third less work for the ORM on every results page.
        rows = TargetShare.objects.filter(wanted).select_related("mix")
        for share in rows.order_by("mix__city", "mix__zone", "mix_id"):
            shares_of.setdefault(share.mix, []).append(share)
    mixes = list(shares_of)
    if not mixes:
        return result
    in_towns = Q()
    for mix in mixes:
        in_towns |= Q(city__iexact=normalise_city(mix.city))
    counted = Unit.objects.filter(in_towns).values_list("city", "zone", "use").annotate(n=Count("pk"))
    counted = [(city.casefold(), zone.strip().casefold(), use, n) for city, zone, use, n in counted]
    gaps_by_town: dict[str, list[tuple[TargetMix, MixRow]]] = {}
    for mix in mixes:
        town, zone = normalise_city(mix.city).casefold(), (mix.zone or "").strip().casefold()
        counts: dict[str, int] = {}
        for city, unit_zone, use, n in counted:
            if city == town and (not zone or unit_zone == zone):
                counts[use] = counts.get(use, 0) + n
        gaps = mix_status(mix, counts, shares_of[mix]).gaps
        gaps_by_town.setdefault(town, []).extend((mix, row) for row in gaps)
    for city, name in names.items():
        result[city] = sorted(gaps_by_town.get(name.casefold(), []), key=lambda pair: -pair[1].gap)
    return result


def mix_reason(mix: TargetMix, row: MixRow) -> str:
    return f"stärkt den Zielmix der {mix.name}: {row.label} fehlt"


def mix_reasons(city: str | None, use_types: list[str], *, zone: str | None = None) -> list[str]:
    """German reasons for a space in ``city`` used for one of ``use_types`` that the town's target
    mix lacks ("stärkt den Zielmix der Altstadt: Gastronomie fehlt"); empty when none lacks."""
    if not city or not use_types:
        return []
    return [mix_reason(mix, row) for mix, row in mix_gaps(city, zone=zone) if row.use in use_types]


# ---------------------------------------------------------------- early warning


@dataclass
class Proposal:
    profile: object  # matching.models.SeekerProfile
    score: int
    reasons: list[str]
    successor: bool
    fills_gap: bool

    @property
    def kind_label(self) -> str:
        return (labels(SeekerKind, [self.profile.kind]) or [self.profile.kind])[0]


@dataclass
class Warning:
    unit: Unit
    days_left: int
    proposals: list[Proposal]


def listing_facts_for_unit(unit: Unit, *, use_types: list[str] | None = None):
    """A unit that is not listed yet, as reverse matching sees it: its current use (a successor
    could carry on) plus the uses the target mix lacks."""
    from matching.matchmaking import ListingFacts

    if use_types is None:
        use_types = [unit.use] if unit.use in UseType.values else []
        for _mix, row in mix_gaps(unit.city, zone=unit.zone or None):
            if row.use not in use_types:
                use_types.append(row.use)
        if not use_types:
            use_types = list(UseType.values)
    features = ["ground_floor"] if unit.floor == "eg" else []
    return ListingFacts(
        municipality=unit.city, use_types=use_types, area_sqm=float(unit.area_sqm or 0) or 80.0,
        features=features, available_from=unit.soon_vacant_from, lat=unit.latitude, lon=unit.longitude,
        title=unit.business_name or unit.address,
    )


def proposals_for_unit(unit: Unit, *, limit: int = 5) -> list[Proposal]:
    """Saved seekers who fit a (soon) vacant unit: successors first where the business can be taken
    over, then seekers whose use the target mix lacks, each best first."""
    try:
        from matching.matchmaking import fitting_seekers
    except ImportError:  # seeker profiles not installed
        return []
    gaps = {row.use: (mix, row) for mix, row in reversed(mix_gaps(unit.city, zone=unit.zone or None))}
    proposals = []
    for fit in fitting_seekers(listing_facts_for_unit(unit), limit=limit * 3):
        profile = fit.profile
        successor = unit.takeover_possible and profile.kind == "successor" and unit.use in (profile.use_types or [])
        reasons = list(fit.reasons)
        if successor:
            reasons.insert(0, f"könnte den Betrieb {unit.business_name or ''} übernehmen".replace("  ", " "))
        filled = [gaps[u] for u in (profile.use_types or []) if u in gaps]
        if filled:
            reasons.append(mix_reason(*filled[0]))
        proposals.append(Proposal(profile=profile, score=fit.score, reasons=reasons, successor=successor,
                                  fills_gap=bool(filled)))
    proposals.sort(key=lambda p: (not p.successor, not p.fills_gap, -p.score, p.profile.pk))
    return proposals[:limit]


def early_warning(*, units: QuerySet | None = None, city: str | None = None, today: date | None = None,
                  with_proposals: bool = True) -> list[Warning]:
    """Occupied units expected to fall vacant, soonest first, with fitting seekers proposed ahead."""
    today = today or timezone.localdate()
    scope = units_in(units=units, city=city).exclude(use=VACANT).filter(soon_vacant_from__isnull=False)
    warnings = []
    for unit in scope.order_by("soon_vacant_from", "pk").select_related("municipality"):
        proposals = proposals_for_unit(unit) if with_proposals else []
        warnings.append(Warning(unit=unit, days_left=(unit.soon_vacant_from - today).days, proposals=proposals))
    return warnings


# ---------------------------------------------------------------- dashboard extras


def listings_activity(*, units: QuerySet | None = None, city: str | None = None, zone: str | None = None,
                      lister=None) -> list[dict]:
    """The town's listings (made from its units, or listed by the town itself): inquiries and
    fitting saved seekers (matches) per listing, most inquiries first."""
    from matching.matchmaking import ListingFacts, fitting_seekers
    from premises.models import Premises

    from_units = units_in(units=units, city=city, zone=zone).filter(premises__isnull=False)
    query = Q(pk__in=from_units.values("premises"))
    if lister is not None and not zone:
        own = Q(lister=lister)
        if city:
            own &= Q(city__iexact=normalise_city(city))
        query |= own
    listings = (Premises.objects.filter(query).exclude(status=Premises.Status.EXPIRED)
                .annotate(inquiry_count=Count("inquiries")).order_by("-inquiry_count", "title"))
    return [{
        "premises": premises, "inquiries": premises.inquiry_count,
        "matches": len(fitting_seekers(ListingFacts.from_premises(premises), limit=100)),
    } for premises in listings]


def seeker_demand(*, city: str | None = None) -> dict:
    """Demand from saved seeker profiles: how many want each use, per town (confirmed profiles)."""
    try:
        from matching.models import SeekerProfile
    except ImportError:
        return {"by_use": [], "by_city": []}
    profiles = SeekerProfile.objects.alertable()
    city = normalise_city(city)
    if city:
        profiles = profiles.filter(city__iexact=city)
    by_use = {code: 0 for code in UseType.values}
    by_city: dict[str, int] = {}
    for uses, where in profiles.values_list("use_types", "city"):
        for code in uses or []:
            if code in by_use:
                by_use[code] += 1
        if where:
            by_city[where] = by_city.get(where, 0) + 1
    return {
        "by_use": [(label, by_use[code]) for code, label in UseType.choices],
        "by_city": sorted(by_city.items(), key=lambda kv: (-kv[1], kv[0]))[:10],
    }


def towns_with_units(units: QuerySet | None = None) -> list[str]:
    scope = Unit.objects.all() if units is None else units
    return list(scope.order_by("city").values_list("city", flat=True).distinct())


def zones_of(city: str, units: QuerySet | None = None) -> list[str]:
    scope = units_in(units=units, city=city).exclude(zone="")
    return list(scope.order_by("zone").values_list("zone", flat=True).distinct())


def unit_search(queryset: QuerySet, q: str) -> QuerySet:
    q = (q or "").strip()
    if not q:
        return queryset
    return queryset.filter(Q(street__icontains=q) | Q(business_name__icontains=q) | Q(external_id__icontains=q))
