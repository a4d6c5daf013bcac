"""Forms of the partners app: the offers' filters (public list and API alike) and the admin edit form.
Forms only validate; selectors and services do the work."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from common.vocabularies import OfferCost, SeekerKind, Stage, SupportCategory
from partners.models import Partner
from partners.regions import municipality, parse_region
from partners.selectors import MAX_PAGE_SIZE, partner_by_name_or_slug, partner_for_user


def _choice_messages(noun):
    return {"invalid_choice": f"Unbekannte {noun} „%(value)s“."}


class OfferFilterForm(forms.Form):
    """Filters of the public offer list and GET /api/v1/offers (same parameter names)."""

    q = forms.CharField(label="Suchbegriff", required=False, max_length=200)
    category = forms.MultipleChoiceField(
        label="Kategorie", required=False, choices=SupportCategory.choices, widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("Kategorie"),
    )
    target_group = forms.MultipleChoiceField(
        label="Zielgruppe", required=False, choices=SeekerKind.choices, widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("Zielgruppe"),
    )
    stage = forms.MultipleChoiceField(
        label="Phase", required=False, choices=Stage.choices, widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("Phase"),
    )
    cost = forms.MultipleChoiceField(
        label="Kosten", required=False, choices=OfferCost.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Unbekannte Kostenart „%(value)s“ (free, subsidized oder paid)."},
    )
    city = forms.CharField(
        label="Kommune", required=False, max_length=120,
        help_text="Angebote für diese Kommune und landesweite Angebote",
    )
    provider = forms.CharField(label="Anbieter", required=False, max_length=200)
    tag = forms.CharField(label="Schlagwort", required=False, max_length=100)
    sort = forms.ChoiceField(
        label="Sortierung", required=False,
        choices=[("", "passend (Relevanz bei Suchbegriff, sonst Titel)"), ("relevance", "Relevanz"),
                 ("title", "Titel (A–Z)"), ("date", "neueste zuerst")],
        error_messages={"invalid_choice": "Unbekannte Sortierung „%(value)s“ (relevance, title oder date)."},
    )
    page = forms.IntegerField(
        required=False, min_value=1, max_value=100_000,
        error_messages={"invalid": "Bitte eine Seitenzahl angeben.", "min_value": "Die Seitenzahl beginnt bei 1.",
                        "max_value": "Diese Seite gibt es nicht."},
    )
    page_size = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE_SIZE,
        error_messages={"invalid": "Bitte eine ganze Zahl angeben.", "min_value": "Mindestens 1 Treffer pro Seite.",
                        "max_value": f"Höchstens {MAX_PAGE_SIZE} Treffer pro Seite."},
    )

    def clean_city(self):
        city = (self.cleaned_data.get("city") or "").strip()
        if not city:
            return None
        name, error = municipality(city)
        if error:
            raise forms.ValidationError(error)
        return name

    def clean_provider(self):
        text = (self.cleaned_data.get("provider") or "").strip()
        if not text:
            return None
        partner = partner_by_name_or_slug(text)
        if partner is None:
            raise forms.ValidationError(f"Den Anbieter „{text}“ gibt es nicht.")
        return partner

    def search_kwargs(self, *, default_page_size: int = 20) -> dict:
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "categories": data.get("category") or [],
            "target_groups": data.get("target_group") or [],
            "stages": data.get("stage") or [],
            "costs": data.get("cost") or [],
            "city": data.get("city"),
            "provider": data.get("provider"),
            "tag": (data.get("tag") or "").strip() or None,
            "sort": data.get("sort") or "",
            "page": data.get("page") or 1,
            "page_size": data.get("page_size") or default_page_size,
        }

    def first_error(self) -> tuple[str, str]:
        """(field, German reason) of the first problem, for the API's 400 answer."""
        for name, errors in self.errors.items():
            return ("body" if name == "__all__" else name), errors[0]
        return "body", "Ungültige Angabe."


class SupportOfferAdminForm(WagtailAdminModelForm):
    """Vocabularies as checkboxes with German labels, the region as text; a partner's people can
    only file offers under their own organisation."""

    region = forms.CharField(
        label="Region", required=True, max_length=2000,
        help_text="„thueringen“ für ganz Thüringen oder Kommunen, mit Komma oder Semikolon getrennt",
    )

    VOCABULARIES = {
        "categories": (SupportCategory, True),
        "target_groups": (SeekerKind, True),
        "stages": (Stage, False),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (vocabulary, required) in self.VOCABULARIES.items():
            if name in self.fields:
                self.fields[name] = forms.MultipleChoiceField(
                    label=self.fields[name].label, choices=vocabulary.choices, required=required,
                    widget=forms.CheckboxSelectMultiple, initial=self.initial.get(name),
                    help_text=self.fields[name].help_text,
                )
        instance = self.instance
        if instance.pk:
            self.initial["region"] = "thueringen" if instance.statewide else "; ".join(instance.municipalities)
        partner = partner_for_user(self.for_user) if self.for_user is not None else None
        if partner is not None and "provider" in self.fields:
            self.fields["provider"].queryset = Partner.objects.filter(pk=partner.pk)
            self.fields["provider"].initial = partner.pk
            self.fields["provider"].empty_label = None
            if "external_id" in self.fields:  # the import's key; only editors and the importer set it
                self.fields["external_id"].disabled = True

    def clean(self):
        data = super().clean()
        text = data.get("region") or ""
        region = parse_region(text.replace(";", ",").split(","))
        if region.errors:
            self.add_error("region", " ".join(region.errors))
        else:
            self.instance.statewide = region.statewide
            self.instance.municipalities = region.municipalities
        valid_from, valid_until = data.get("valid_from"), data.get("valid_until")
        if valid_from and valid_until and valid_until < valid_from:
            self.add_error("valid_until", "Das Ende der Gültigkeit liegt vor ihrem Beginn.")
        return data


class PartnerAdminForm(WagtailAdminModelForm):
    """A partner's own people keep their profile (description, logo, contact) current; what the
    public and the routing of reports trust, the office sets: name, URL name, kind, website and the
    town whose reports the organisation receives (no renaming into "Erfurt", no look-alike names,
    no website swapped for another). Alliance editors and superusers change everything."""

    OFFICE_ONLY = ("name", "slug", "kind", "website", "town")
    OFFICE_ONLY_HELP = "Nur die Geschäftsstelle ändert das. Bitte schreiben Sie ihr, wenn es nicht mehr stimmt."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and partner_for_user(self.for_user) is not None:
            for name in self.OFFICE_ONLY:
                if name in self.fields:
                    self.fields[name].disabled = True  # Django keeps the stored value, whatever is posted
                    self.fields[name].help_text = self.OFFICE_ONLY_HELP

    def clean_name(self):
        name = " ".join((self.cleaned_data.get("name") or "").split())
        clash = Partner.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if name and clash.exists():
            raise forms.ValidationError("Eine Partnerorganisation dieses Namens gibt es schon.")
        return name
