"""Read queries of the toolbox: the measure catalogue filter and the good-practice listing.

The filter reads the vocabularies' codes from GET parameters (repeatable, so a URL is a shareable
filter); codes it does not know are dropped with a German notice instead of failing.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from core.vocabularies import Level3, MeasureLevel, MeasureStrategy
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
    queryset = toolbox_models.MeasurePage.objects.live().public()
    if parent is not None:
        queryset = queryset.child_of(parent)
    if measure_filter is not None:
        queryset = measure_filter.apply(queryset)
    return queryset.prefetch_related("funding_programmes").order_by("code")


def good_practices(*, parent=None, working_group=None):
    queryset = toolbox_models.GoodPracticePage.objects.live().public().select_related("image", "working_group")
    if parent is not None:
        queryset = queryset.child_of(parent)
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    return queryset.order_by("title")
