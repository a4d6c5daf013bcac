"""Forms of the premises register: the search filters (shared by the list, the map and the API),
the inquiry form, the admin import upload and the admin edit form. Forms only validate."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from common import gazetteer
from common.forms import FixedChoiceField, FixedMultipleChoiceField, UnchangedSinceLoadedMixin
from common.vocabularies import Feature, UseType
from partners.selectors import partner_for_user

MAX_RADIUS_KM = 500
TRUE_STRINGS = {"true", "1", "on", "ja", "yes"}
FALSE_STRINGS = {"false", "0", "off", "nein", "no"}


class TriStateField(forms.Field):
    """true/false, or nothing: unlike NullBooleanField a typo is an error, not "no filter"."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in TRUE_STRINGS:
            return True
        if text in FALSE_STRINGS:
            return False
        raise forms.ValidationError("Bitte true oder false angeben.", code="invalid")


AREA_ERRORS = {"invalid": "Bitte die Fläche als Zahl angeben.", "min_value": "Die Fläche darf nicht negativ sein."}


def _choice_messages(noun):
    return {"invalid_choice": f"Unbekannte {noun} „%(value)s“."}


class PremisesFilterForm(forms.Form):
    """Filters of the public list, the map and GET /api/v1/premises (same names everywhere, so
    a list URL can be shared and mirrors the API)."""

    q = forms.CharField(label="Suchbegriff", required=False, max_length=200)
    city = forms.CharField(
        label="Kommune / Ort", required=False, max_length=120,
        help_text="ohne Umkreis: nur Flächen in dieser Kommune",
    )
    radius_km = forms.FloatField(
        label="Umkreis (km)", required=False, min_value=0.1, max_value=MAX_RADIUS_KM,
        error_messages={
            "min_value": "Der Umkreis muss mindestens 0,1 km betragen.",
            "max_value": f"Der Umkreis darf höchstens {MAX_RADIUS_KM} km betragen.",
            "invalid": "Bitte den Umkreis als Zahl in Kilometern angeben.",
        },
    )
    lat = forms.FloatField(
        label="Breitengrad", required=False, min_value=-90, max_value=90,
        error_messages={"invalid": "Bitte den Breitengrad als Zahl angeben.",
                        "min_value": "Der Breitengrad liegt zwischen -90 und 90.",
                        "max_value": "Der Breitengrad liegt zwischen -90 und 90."},
    )
    lon = forms.FloatField(
        label="Längengrad", required=False, min_value=-180, max_value=180,
        error_messages={"invalid": "Bitte den Längengrad als Zahl angeben.",
                        "min_value": "Der Längengrad liegt zwischen -180 und 180.",
                        "max_value": "Der Längengrad liegt zwischen -180 und 180."},
    )
    use_type = FixedMultipleChoiceField(
        label="Nutzungsart", required=False, choices=UseType.choices, widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("Nutzungsart"),
    )
    feature = FixedMultipleChoiceField(
        label="Ausstattung", required=False, choices=Feature.choices, widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("Ausstattung"),
    )
    area_min = forms.DecimalField(
        label="Fläche ab (m²)", required=False, min_value=0, max_digits=9, decimal_places=2,
        error_messages=AREA_ERRORS,
    )
    area_max = forms.DecimalField(
        label="Fläche bis (m²)", required=False, min_value=0, max_digits=9, decimal_places=2,
        error_messages=AREA_ERRORS,
    )
    rent_max = forms.DecimalField(
        label="Kaltmiete bis (€/Monat)", required=False, min_value=0, max_digits=10, decimal_places=2,
        error_messages={"invalid": "Bitte die Miete als Zahl angeben.",
                        "min_value": "Die Miete darf nicht negativ sein."},
    )
    interim_use = TriStateField(label="Zwischennutzung möglich", required=False)
    sort = FixedChoiceField(
        label="Sortierung", required=False,
        choices=[("", "passend (Relevanz bzw. Entfernung)"), ("relevance", "Relevanz"), ("distance", "Entfernung"),
                 ("rent", "Miete aufsteigend"), ("area", "Fläche absteigend"), ("date", "neueste zuerst")],
        error_messages={"invalid_choice": "Unbekannte Sortierung „%(value)s“ (relevance, distance, rent, area, date)."},
    )
    page = forms.IntegerField(
        required=False, min_value=1, max_value=100_000,
        error_messages={"invalid": "Bitte eine Seitenzahl angeben.", "min_value": "Die Seitenzahl beginnt bei 1.",
                        "max_value": "Diese Seite gibt es nicht."},
    )
    page_size = forms.IntegerField(
        required=False, min_value=1,
        error_messages={"invalid": "Bitte eine ganze Zahl angeben.", "min_value": "Mindestens 1 Treffer pro Seite."},
    )

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if (lat is None) != (lon is None) and not ({"lat", "lon"} & set(self.errors)):
            missing = "lon" if lon is None else "lat"
            self.add_error(missing, "Breitengrad (lat) und Längengrad (lon) bitte nur zusammen angeben.")
        city = (data.get("city") or "").strip()
        data["place"] = None
        if city:
            place = gazetteer.lookup(city)
            if place is None:
                self.add_error("city", f"Die Kommune „{city}“ ist im Ortsverzeichnis nicht bekannt.")
            data["place"] = place
        if data.get("sort") == "distance" and not city and lat is None:
            self.add_error("sort", "Nach Entfernung sortieren geht nur mit einem Ort (city) oder Koordinaten.")
        if data.get("radius_km") is not None and not city and lat is None and "radius_km" not in self.errors:
            self.add_error("radius_km", "Ein Umkreis braucht einen Ort (city) oder Koordinaten (lat und lon).")
        area_min, area_max = data.get("area_min"), data.get("area_max")
        if area_min is not None and area_max is not None and area_min > area_max:
            self.add_error("area_max", "Die Höchstfläche ist kleiner als die Mindestfläche.")
        return data

    def search_kwargs(self, *, default_page_size: int = 20) -> dict:
        """Keyword arguments of selectors.premises_search from the cleaned filters.

        Coordinates are the location when given; otherwise the named place. A place with a
        radius searches around it (neighbouring municipalities included); without a radius it
        restricts to that municipality.
        """
        data = self.cleaned_data
        place = data.get("place")
        near = None
        if data.get("lat") is not None and data.get("lon") is not None:
            near = gazetteer.Place(name="", lat=data["lat"], lon=data["lon"], state="")
        elif place is not None:
            near = place
        radius = data.get("radius_km")
        return {
            "q": data.get("q") or "",
            "city": place.name if place is not None and (radius is None or near is not place) else None,
            "near": near,
            "radius_km": radius,
            "use_types": data.get("use_type") or [],
            "features": data.get("feature") or [],
            "area_min": data.get("area_min"),
            "area_max": data.get("area_max"),
            "rent_max": data.get("rent_max"),
            "interim_use": data.get("interim_use"),
            "sort": data.get("sort") or "",
            "page": data.get("page") or 1,
            "page_size": data.get("page_size") or default_page_size,
        }

    def first_error(self) -> tuple[str, str]:
        """(field, German reason) of the first problem, for the API's 400 answer."""
        for name, errors in self.errors.items():
            return ("body" if name == "__all__" else name), errors[0]
        return "body", "Ungültige Angabe."


class InquiryForm(forms.Form):
    """A visitor's inquiry. ``website`` is a honeypot: people do not see it, bots fill it."""

    name = forms.CharField(label="Ihr Name", max_length=200)
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse", error_messages={"invalid": "Bitte eine gültige E-Mail-Adresse angeben."}
    )
    phone = forms.CharField(label="Telefon (freiwillig)", max_length=50, required=False)
    message = forms.CharField(label="Ihre Nachricht", max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    website = forms.CharField(
        label="Website (bitte leer lassen)", required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    privacy = forms.BooleanField(
        label="Ich bin einverstanden, dass meine Angaben an den Anbieter der Fläche weitergegeben werden.",
        error_messages={"required": "Bitte stimmen Sie der Weitergabe Ihrer Angaben zu."},
    )

    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())


class PremisesImportForm(forms.Form):
    file = forms.FileField(
        label="CSV-Datei",
        help_text="UTF-8, Komma-getrennt, Kopfzeile mit den Spalten laut Schnittstellenbeschreibung; Listen mit „;“.",
    )

    MAX_BYTES = 50 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("Bitte eine CSV-Datei (.csv) hochladen.")
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("Die Datei ist größer als 50 MB. Bitte in mehrere Dateien aufteilen.")
        return upload


class PremisesAdminForm(UnchangedSinceLoadedMixin, WagtailAdminModelForm):
    """Admin edit form: the municipality must be known to the gazetteer; without coordinates the
    listing sits at the municipality's centre (as in the import)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_partner = partner_for_user(self.for_user) if self.for_user is not None else None
        if self.own_partner is not None and "lister" in self.fields:
            # A partner's people list for their own organisation only.
            self.fields["lister"].queryset = self.fields["lister"].queryset.filter(pk=self.own_partner.pk)
            self.fields["lister"].required = False
            self.fields["lister"].disabled = True
            self.initial["lister"] = self.own_partner.pk
        for name in ("latitude", "longitude"):
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].help_text = "leer lassen: Ortsmitte der Kommune"
        for name, vocabulary in (("use_types", UseType), ("features", Feature)):
            if name in self.fields:
                self.fields[name] = forms.MultipleChoiceField(
                    label=self.fields[name].label, choices=vocabulary.choices, required=name == "use_types",
                    widget=forms.CheckboxSelectMultiple, initial=self.initial.get(name),
                )

    def clean(self):
        data = super().clean()
        city = (data.get("city") or "").strip()
        if city:
            place = gazetteer.lookup(city)
            if place is None:
                self.add_error("city", f"Die Kommune „{city}“ ist im Ortsverzeichnis nicht bekannt.")
                return data
            data["city"] = place.name
            if data.get("latitude") is None or data.get("longitude") is None:
                data["latitude"], data["longitude"] = place.lat, place.lon
                data["location_from_gazetteer"] = True
                self.instance.location_from_gazetteer = True
            elif "latitude" in self.changed_data or "longitude" in self.changed_data:
                self.instance.location_from_gazetteer = False
        if self.own_partner is not None:
            data["lister"] = self.own_partner
        area = data.get("area_sqm")
        if area is not None and area <= 0:
            self.add_error("area_sqm", "Die Fläche muss größer als 0 sein.")
        return data
