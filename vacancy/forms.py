"""Forms of vacancy management: the public report form, the admin forms that keep a town's people to
their own town, "Als Fläche anbieten" (with the owner's consent) and merging a report."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from common import gazetteer
from common.forms import UnchangedSinceLoadedMixin
from common.vocabularies import Feature, UseType
from partners.models import Partner
from partners.selectors import partner_for_user
from premises.models import Premises
from vacancy.models import ConsentChannel, Unit

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(forms.Form):
    """Leerstand melden. ``website`` is a honeypot: people do not see it, bots fill it."""

    city = forms.CharField(label="Kommune", max_length=120)
    street = forms.CharField(label="Straße", max_length=200)
    house_number = forms.CharField(label="Hausnummer", max_length=20)
    note = forms.CharField(label="Was ist Ihnen aufgefallen?", required=False, max_length=3000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    soon_vacant_from = forms.DateField(
        label="Wird voraussichtlich leer ab (falls bekannt)", required=False, widget=DATE_INPUT,
        error_messages={"invalid": "Bitte ein Datum angeben (TT.MM.JJJJ)."},
    )
    reporter_email = forms.EmailField(
        label="Ihre E-Mail (freiwillig)", required=False,
        help_text="Nur wenn Sie erfahren möchten, was aus Ihrer Meldung wird. Sie wird nie veröffentlicht.",
        error_messages={"invalid": "Bitte eine gültige E-Mail-Adresse angeben."},
    )
    website = forms.CharField(label="Website", required=False)

    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def clean_city(self):
        city = self.cleaned_data["city"].strip()
        if gazetteer.lookup(city) is None:
            raise forms.ValidationError(f"Die Kommune „{city}“ kennen wir nicht. Bitte den Ortsnamen prüfen.")
        return city

    def clean_soon_vacant_from(self):
        value = self.cleaned_data.get("soon_vacant_from")
        if value and value < timezone.localdate():
            raise forms.ValidationError("Das Datum liegt in der Vergangenheit; dann steht die Fläche schon leer.")
        return value


class TownOwnedAdminForm(WagtailAdminModelForm):
    """Admin form of a town-owned model: a town's people can only pick their own town, its units
    and its listings."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        partner = partner_for_user(for_user) if for_user is not None else None
        if "municipality" in self.fields:
            field = self.fields["municipality"]
            field.queryset = Partner.objects.filter(kind=Partner.Kind.MUNICIPALITY)
            if partner is not None:
                field.queryset = Partner.objects.filter(pk=partner.pk)
                field.initial = partner.pk
        if partner is not None and "unit" in self.fields:
            self.fields["unit"].queryset = Unit.objects.filter(municipality=partner)
        if partner is not None and "premises" in self.fields:
            self.fields["premises"].queryset = Premises.objects.filter(lister=partner)

    def clean_city(self):
        city = (self.cleaned_data.get("city") or "").strip()
        place = gazetteer.lookup(city)
        if place is None:
            raise forms.ValidationError(f"Die Kommune „{city}“ ist im Ortsverzeichnis nicht bekannt.")
        return place.name


class UnitAdminForm(UnchangedSinceLoadedMixin, TownOwnedAdminForm):
    def clean(self):
        data = super().clean()
        if data.get("use") == "vacant" and data.get("business_name"):
            self.add_error("business_name", "Ein leerstehende Einheit hat keinen Geschäftsnamen.")
        return data

    def save(self, commit=True):
        from vacancy.services import unit_set_use

        unit = super().save(commit=False)
        if not commit:
            return unit
        initial_use = self.initial.get("use") if self.instance.pk else None
        initial_business = self.initial.get("business_name", "") if self.instance.pk else None
        use, business = unit.use, unit.business_name
        if self.instance.pk and (initial_use, initial_business) != (use, business):
            unit.use, unit.business_name = initial_use, initial_business  # let the service record the change
            unit_set_use(unit=unit, use=use, business_name=business, vacant_since=self.cleaned_data.get("vacant_since"))
        else:
            unit.save()
            if not unit.uses.exists():
                unit.uses.create(use=unit.use, business_name=unit.business_name,
                                 started=unit.vacant_since if unit.is_vacant else None)
        return unit


class ListingFromUnitForm(forms.Form):
    """One step from a (soon) vacant unit to a listing; the owner's consent is part of the form."""

    consent_given_by = forms.CharField(label="Einverständnis erteilt von (Eigentümer/in)", max_length=200)
    consent_given_on = forms.DateField(label="Einverständnis erteilt am", widget=DATE_INPUT)
    consent_channel = forms.ChoiceField(label="Einverständnis erteilt", choices=ConsentChannel.choices)
    consent_note = forms.CharField(label="Notiz zum Einverständnis", required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    title = forms.CharField(label="Titel des Angebots", max_length=255)
    use_types = forms.MultipleChoiceField(label="Geeignet für", choices=UseType.choices,
                                          widget=forms.CheckboxSelectMultiple)
    area_sqm = forms.DecimalField(label="Fläche (m²)", min_value=1, max_digits=9, decimal_places=2)
    rent_month_eur = forms.DecimalField(label="Kaltmiete pro Monat (€, leer = auf Anfrage)", required=False,
                                        min_value=0, max_digits=10, decimal_places=2)
    features = forms.MultipleChoiceField(label="Ausstattung", choices=Feature.choices, required=False,
                                         widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(label="Beschreibung", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def clean_consent_given_on(self):
        value = self.cleaned_data["consent_given_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("Das Einverständnis kann nicht in der Zukunft liegen.")
        return value


class MergeReportForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="Bekannte Einheit", queryset=Unit.objects.none(), required=False,
        help_text="leer lassen, um die Meldung als neue Einheit ins Kataster zu übernehmen",
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units


class PortfolioForm(forms.Form):
    listings = forms.ModelMultipleChoiceField(
        label="Flächen für das Portfolio", queryset=Premises.objects.public(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Bitte mindestens eine Fläche auswählen."},
    )


class UnitsImportForm(forms.Form):
    file = forms.FileField(label="CSV-Datei (UTF-8)", error_messages={"required": "Bitte eine CSV-Datei auswählen."})
    dry_run = forms.BooleanField(label="nur prüfen, nichts speichern", required=False, initial=True)
