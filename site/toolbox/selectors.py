"""Read queries of the toolbox: the measure catalogue filter and the good-practice listing.

The filter reads the vocabularies' codes from GET parameters (repeatable, so a URL is a shareable
filter); codes it does not know are dropped with a German notice instead of failing.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from common.ratelimit import Limit
from common.vocabularies import Level3, MeasureLevel, MeasureStrategy
from core.selectors import public_pages
from toolbox import models as toolbox_models

MAX_QUERY_LENGTH = 200

# (GET parameter, model field, vocabulary, German label of the filter group)
FILTER_FIELDS = [
    ("strategy", "strategy", MeasureStrategy, "Strategie"),
    ("level", "level", MeasureLevel, "Stufe"),
    ("effort", "effort", Level3, "Aufwand"),
    ("cost", "cost", Level3, "Kosten"),
]


@dataclass
class MeasureFilter:
    """The measure catalogue's filter: selected codes per vocabulary, free text, and notices."""

    selected: dict = field(default_factory=dict)  # parameter -> list of valid codes
    q: str = ""
    notices: list = field(default_factory=list)

    @classmethod
    def from_querydict(cls, params):
        selected, notices = {}, []
        for param, _field, vocabulary, label in FILTER_FIELDS:
            codes = []
            for raw in params.getlist(param):
                code = raw.strip()
                if not code:
                    continue
                if code in vocabulary.values:
                    if code not in codes:
                        codes.append(code)
                else:
                    notices.append(f"Unbekannter Wert „{code[:40]}“ für {label} wurde ignoriert.")
            selected[param] = codes
        q = " ".join(params.get("q", "").split())
        if len(q) > MAX_QUERY_LENGTH:
            q = q[:MAX_QUERY_LENGTH]
            notices.append(f"Der Suchbegriff wurde auf {MAX_QUERY_LENGTH} Zeichen gekürzt.")
        return cls(selected=selected, q=q, notices=notices)

    @property
    def is_active(self):
        return bool(self.q or any(self.selected.values()))

    def groups(self):
        """Filter groups for the listing's form: label and options with their checked state."""
        return [
            {
                "name": param,
                "label": label,
                "options": [
                    {"code": code, "label": text, "checked": code in self.selected.get(param, [])}
                    for code, text in vocabulary.choices
                ],
            }
            for param, _field, vocabulary, label in FILTER_FIELDS
        ]

    def apply(self, queryset):
        for param, model_field, _vocabulary, _label in FILTER_FIELDS:
            codes = self.selected.get(param)
            if codes:
                queryset = queryset.filter(**{f"{model_field}__in": codes})
        for word in self.q.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(code__iexact=word) | Q(description__icontains=word))
        return queryset


def measures(*, parent=None, measure_filter=None):
    """Live, public measures, by code; filtered when a MeasureFilter is given."""
    queryset = public_pages(toolbox_models.MeasurePage.objects.live())
    if parent is not None:
        queryset = queryset.child_of(parent)
    if measure_filter is not None:
        queryset = measure_filter.apply(queryset)
    return queryset.prefetch_related("funding_programmes").order_by("code")


def good_practices(*, parent=None, working_group=None):
    queryset = public_pages(toolbox_models.GoodPracticePage.objects.live()).select_related("image", "working_group")
    if parent is not None:
        queryset = queryset.child_of(parent)
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    return queryset.order_by("title")


# --- Heat-protection plan ------------------------------------------------------------------------


def plans_for_user(user, actions=("view",)):
    """The plans ``user`` may reach: their own municipality's, or every plan for alliance editors."""
    from toolbox.permissions import heat_plan_policy

    return heat_plan_policy.instances_user_has_any_permission_for(user, list(actions)).select_related("municipality")


def worksheets_of(plan):
    return (
        plan.worksheets.select_related("measure")
        .prefetch_related("steps", "measure__funding_programmes")
        .order_by("measure__code")
    )


def plan_overview(plan):
    """Rows for the plan overview and the funding programmes that apply to the measures not ruled out.

    Each programme appears once, with the measures it can fund and their shares.
    """
    worksheets = list(worksheets_of(plan))
    programmes = {}
    for worksheet in worksheets:
        if worksheet.decision == "no":
            continue
        for funding in worksheet.measure.funding_programmes.all():
            key = (funding.via, funding.programme)
            entry = programmes.setdefault(
                key, {"via": funding.via, "programme": funding.programme, "url": funding.url, "measures": []}
            )
            entry["measures"].append({"code": worksheet.measure.code, "share": funding.share})
    funding = sorted(programmes.values(), key=lambda p: (-len(p["measures"]), p["programme"]))
    counts = {"total": len(worksheets), "yes": sum(1 for w in worksheets if w.decision == "yes")}
    return {"worksheets": worksheets, "funding": funding, "counts": counts}


def measures_not_in_plan(plan):
    return measures().exclude(pk__in=plan.worksheets.values("measure_id"))


# --- Kompass Leerstandsbewältigung ---------------------------------------------------------------


@dataclass
class KompassQuery:
    """The Kompass's question: one town type, one or more problem situations, optionally a municipality."""

    town_type: str = ""
    problems: list = field(default_factory=list)
    city: str = ""
    errors: dict = field(default_factory=dict)  # parameter -> German message

    @classmethod
    def from_params(cls, town_type, problems, city=""):
        from common.vocabularies import KompassProblem, TownType

        errors = {}
        town_type = (town_type or "").strip()
        problems = [p.strip() for p in problems if p and p.strip()]
        if town_type and town_type not in TownType.values:
            errors["town_type"] = f"Unbekannter Stadttyp „{town_type[:40]}“. Erlaubt: {', '.join(TownType.values)}."
        unknown = [p for p in problems if p not in KompassProblem.values]
        if unknown:
            errors["problem"] = (
                f"Unbekannte Problemlage „{unknown[0][:40]}“. Erlaubt: {', '.join(KompassProblem.values)}."
            )
        city = " ".join((city or "").split())[:120]
        return cls(town_type=town_type, problems=list(dict.fromkeys(problems)), city=city, errors=errors)

    @property
    def is_complete(self):
        return bool(self.town_type and self.problems and not self.errors)


PROBLEM_WEIGHT = 70
TOWN_TYPE_EXACT = 30
TOWN_TYPE_ANY = 15


def kompass_result(query: KompassQuery, *, limit_offers=8, limit_premises=10):
    """Instruments ranked for the town type and problems, with reasons, hurdles and experiences;
    the case examples of the fitting instruments; support offers of their categories; and, with a
    municipality, its vacant premises."""
    from common.vocabularies import KompassProblem, SupportCategory, TownType
    from partners.models import SupportOffer
    from premises.models import Premises

    problem_labels = dict(KompassProblem.choices)
    town_label = dict(TownType.choices).get(query.town_type, "")
    ranked = []
    entries = toolbox_models.KompassInstrumentEntry.objects.prefetch_related("examples")
    for entry in entries:
        matched = [p for p in query.problems if p in entry.problems]
        if not matched:
            continue
        score = PROBLEM_WEIGHT * len(matched) / len(query.problems)
        reasons = [f"Hilft bei: {problem_labels[p]}" for p in matched]
        if query.town_type in entry.town_types:
            score += TOWN_TYPE_EXACT
            reasons.append(f"Bewährt in der {town_label}" if query.town_type != "village" else "Bewährt in Landgemeinden")
        elif not entry.town_types:
            score += TOWN_TYPE_ANY
            reasons.append("Passt für alle Stadttypen")
        else:
            reasons.append(f"Eher für {', '.join(dict(TownType.choices)[t] for t in entry.town_types)} erprobt")
        missing = [problem_labels[p] for p in query.problems if p not in entry.problems]
        if missing:
            reasons.append(f"Nicht für: {', '.join(missing)}")
        ranked.append({"entry": entry, "score": round(score), "reasons": reasons})
    ranked.sort(key=lambda item: (-item["score"], item["entry"].sort_order, item["entry"].instrument))

    examples, seen = [], set()
    for item in ranked:
        for page in item["entry"].examples.all():
            if page.pk not in seen and page.live:
                seen.add(page.pk)
                examples.append(page)

    categories = []
    for item in ranked:
        for code in item["entry"].offer_categories:
            if code not in categories:
                categories.append(code)
    offers = []
    if categories:
        from common.db import json_list_contains

        condition = Q()
        for code in categories:
            condition |= json_list_contains("categories", code)
        try:  # the partners app's public offers (approved, not expired) where it provides them
            from partners.selectors import public_offers

            offer_qs = public_offers()
        except ImportError:
            offer_qs = SupportOffer.objects.all()
        offer_qs = offer_qs.filter(condition).select_related("provider")
        if query.city:
            offer_qs = offer_qs.filter(Q(statewide=True) | json_list_contains("municipalities", query.city))
        category_labels = dict(SupportCategory.choices)
        for offer in offer_qs.order_by("title")[: limit_offers * 3]:
            fitting = [category_labels.get(c, c) for c in categories if c in offer.categories]
            offers.append({"offer": offer, "categories": fitting})
        offers.sort(key=lambda o: -len(o["categories"]))
        offers = offers[:limit_offers]

    premises = []
    if query.city:
        premises = list(Premises.objects.public().filter(city__iexact=query.city).order_by("title")[:limit_premises])
    return {"instruments": ranked, "examples": examples, "offers": offers, "premises": premises}


# The statistics count people asking, not page loads: per client address a situation counts once a
# day, and at most ten counted situations a day (a script reloading the Kompass inflates nothing).
KOMPASS_ASKED = Limit("kompass-asked", limit=1, window_seconds=24 * 3600)
KOMPASS_PER_CLIENT = Limit("kompass-client", limit=10, window_seconds=24 * 3600)


def count_kompass_request(query: KompassQuery, *, client: str = ""):
    """Anonymous statistics: one count per problem situation and town type asked for (no person,
    no address stored; the address only keys the hashed limit in the cache)."""
    from django.db.models import F

    if not query.is_complete:
        return
    for problem in query.problems:
        if client and (KOMPASS_ASKED.exceeded(f"{client}|{query.town_type}|{problem}")
                       or KOMPASS_PER_CLIENT.exceeded(client)):
            continue
        row, _ = toolbox_models.KompassRequestCount.objects.get_or_create(problem=problem, town_type=query.town_type)
        toolbox_models.KompassRequestCount.objects.filter(pk=row.pk).update(count=F("count") + 1)


def kompass_statistics():
    from django.db.models import Sum

    return (
        toolbox_models.KompassRequestCount.objects.values("problem")
        .annotate(total=Sum("count"))
        .order_by("-total", "problem")
    )
