"""Forms of the heat-protection planner: the worksheet of one measure and its implementation steps."""

import datetime

from django import forms
from django.forms import inlineformset_factory

from toolbox.models import PlanDecision, PlanMeasure, PlanStep
from toolbox.services import WORKSHEET_FIELDS

TEXTAREA = {"rows": 4}


class WorksheetForm(forms.ModelForm):
    class Meta:
        model = PlanMeasure
        fields = WORKSHEET_FIELDS
        widgets = {
            "decision": forms.RadioSelect,
            "effort": forms.RadioSelect,
            "cost": forms.RadioSelect,
            "working_note": forms.Textarea(attrs={"rows": 2}),
            "project_sketch": forms.Textarea(attrs={"rows": 8}),
            **{
                name: forms.Textarea(attrs=TEXTAREA)
                for name in ["effort_note", "cost_note", "responsible_bodies", "participating_actors", "groundwork", "locations"]
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = PlanDecision.choices
        for name in ("effort", "cost"):
            self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0]]
            self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == PlanDecision.YES and not (cleaned.get("project_sketch") or "").strip():
            self.add_error(
                "project_sketch",
                "Bitte beschreiben Sie das Vorhaben in der Projektskizze, wenn Sie die Maßnahme planen.",
            )
        return cleaned


class PlanStepForm(forms.ModelForm):
    class Meta:
        model = PlanStep
        fields = ["title", "status", "due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_date"].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
        self.fields["due_date"].error_messages["invalid"] = "Bitte ein Datum im Format TT.MM.JJJJ angeben."

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and not (datetime.date(2000, 1, 1) <= due <= datetime.date(2100, 12, 31)):
            raise forms.ValidationError("Bitte ein Fälligkeitsdatum zwischen 2000 und 2100 angeben.")
        return due


PlanStepFormSet = inlineformset_factory(
    PlanMeasure, PlanStep, form=PlanStepForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


class AddMeasureForm(forms.Form):
    measure = forms.ModelChoiceField(
        queryset=None,
        label="Maßnahme aus dem Katalog",
        error_messages={
            "required": "Bitte eine Maßnahme wählen.",
            "invalid_choice": "Diese Maßnahme gibt es nicht im Katalog oder sie ist schon im Plan.",
        },
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = queryset
        self.fields["measure"].empty_label = "– bitte wählen –"
        self.fields["measure"].label_from_instance = lambda m: f"{m.code} {m.title}"


def _codes_field(vocabulary, label, help_text=""):
    return forms.MultipleChoiceField(
        label=label, choices=vocabulary.choices, required=False, widget=forms.CheckboxSelectMultiple, help_text=help_text
    )


def kompass_admin_form(base):
    """Admin form of the Kompass snippets: vocabulary lists as checkboxes instead of raw JSON."""
    from common.vocabularies import KompassProblem, SupportCategory, TownType

    class KompassAdminForm(base):
        town_types = _codes_field(TownType, "Stadttypen", "Keiner gewählt = passt für alle Stadttypen.")
        problems = _codes_field(KompassProblem, "Passende Problemlagen")
        offer_categories = _codes_field(
            SupportCategory, "Passende Angebotskategorien", "Unterstützungsangebote dieser Kategorien werden empfohlen."
        )

    return KompassAdminForm
