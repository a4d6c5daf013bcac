"""The seeker's request as a form: one validation (German messages) behind the public matching
form, the saved searches and ``POST /api/v1/matches``. Forms only validate."""

from __future__ import annotations

from django import forms

from common import gazetteer
from common.forms import FixedChoiceField, FixedMultipleChoiceField
from common.vocabularies import Feature, SeekerKind, Stage, SupportCategory, UseType
from matching.ranking import MatchRequest, Place

MAX_RADIUS_KM = 500
DEFAULT_RADIUS_KM = 25.0  # a place without a radius: the municipality and its surroundings
MAX_LIMIT = 50
RADIUS_CHOICES = [("", "egal"), ("5", "5 km"), ("10", "10 km"), ("20", "20 km"), ("30", "30 km"), ("50", "50 km"),
                  ("100", "100 km")]


def _choice_errors(noun):
    return {"invalid_choice": f"Unbekannte {noun} „%(value)s“.", "required": f"Bitte {noun} wählen."}


def _number(label, *, min_value=0, max_value=None, noun="Wert"):
    return forms.FloatField(
        label=label, required=False, min_value=min_value, max_value=max_value,
        error_messages={
            "invalid": f"Bitte {noun} als Zahl angeben.",
            "min_value": f"{noun} darf nicht kleiner als %(limit_value)s sein.",
            "max_value": f"{noun} darf höchstens %(limit_value)s betragen.",
        },
    )


class SeekerForm(forms.Form):
    """What a seeker looks for; field names are those of the API (``city``, ``lat``, ``lon`` stand
    for ``location``)."""

    kind = FixedChoiceField(
        label="Ich bin", choices=SeekerKind.choices, widget=forms.RadioSelect, error_messages=_choice_errors("Art"),
    )
    stage = FixedChoiceField(
        label="Phase", required=False, choices=[("", "bitte wählen"), *Stage.choices],
        error_messages=_choice_errors("Phase"),
    )
    sector = forms.CharField(label="Branche", required=False, max_length=100,
                             help_text="z. B. Gastronomie, IT-Dienstleistung, Handwerk")
    use_types = FixedMultipleChoiceField(
        label="Gesuchte Nutzung", required=False, choices=UseType.choices, widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("Nutzungsart"),
        help_text="Ohne Nutzungsart zeigen wir nur Unterstützungsangebote.",
    )
    city = forms.CharField(label="Wunschort (Kommune)", required=False, max_length=120)
    lat = _number("Breitengrad", min_value=-90, max_value=90, noun="Der Breitengrad")
    lon = _number("Längengrad", min_value=-180, max_value=180, noun="Der Längengrad")
    radius_km = _number("Umkreis (km)", min_value=0.1, max_value=MAX_RADIUS_KM, noun="Der Umkreis")
    radius_km.help_text = f"ohne Angabe: {DEFAULT_RADIUS_KM:.0f} km um den Wunschort"
    area_min = _number("Fläche ab (m²)", noun="Die Fläche")
    area_max = _number("Fläche bis (m²)", noun="Die Fläche")
    rent_max = _number("Kaltmiete bis (€ im Monat)", noun="Die Miete")
    features = FixedMultipleChoiceField(
        label="Gewünschte Ausstattung", required=False, choices=Feature.choices, widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("Ausstattung"),
    )
    interim_use = forms.BooleanField(label="Zwischennutzung (auf Zeit) gesucht", required=False)
    available_by = forms.DateField(
        label="Benötigt bis spätestens", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Bitte ein Datum im Format JJJJ-MM-TT angeben."},
    )
    needs = FixedMultipleChoiceField(
        label="Wobei brauchen Sie Unterstützung?", required=False, choices=SupportCategory.choices,
        widget=forms.CheckboxSelectMultiple, error_messages=_choice_errors("Kategorie"),
    )
    text = forms.CharField(
        label="Ihr Vorhaben in wenigen Worten", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Bitte höchstens %(limit_value)d Zeichen."},
    )
    limit = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_LIMIT, widget=forms.HiddenInput,
        error_messages={"invalid": "Bitte eine ganze Zahl angeben.", "min_value": "Mindestens 1 Treffer.",
                        "max_value": f"Höchstens {MAX_LIMIT} Treffer."},
    )

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if (lat is None) != (lon is None) and not ({"lat", "lon"} & set(self.errors)):
            self.add_error("lon" if lon is None else "lat",
                           "Breitengrad (lat) und Längengrad (lon) bitte nur zusammen angeben.")
        city = (data.get("city") or "").strip()
        data["place"] = None
        if lat is not None and lon is not None:
            data["place"] = Place(lat=lat, lon=lon, name=city)
        elif city:
            found = gazetteer.lookup(city)
            if found is None:
                self.add_error("city", f"Den Ort „{city}“ kennen wir nicht. Bitte den Namen einer Kommune angeben.")
            else:
                data["city"] = found.name
                data["place"] = Place(lat=found.lat, lon=found.lon, name=found.name)
        if data.get("radius_km") is not None and data["place"] is None and not self.errors:
            self.add_error("radius_km", "Ein Umkreis braucht einen Wunschort.")
        area_min, area_max = data.get("area_min"), data.get("area_max")
        if area_min is not None and area_max is not None and area_min > area_max:
            self.add_error("area_max", "Die Höchstfläche ist kleiner als die Mindestfläche.")
        return data

    def first_error(self) -> tuple[str, str]:
        field, errors = next(iter(self.errors.items()))
        return field, errors[0]

    def match_request(self) -> MatchRequest:
        data = self.cleaned_data
        place = data["place"]
        return MatchRequest(
            kind=data["kind"],
            sector=data.get("sector") or "",
            use_types=list(data.get("use_types") or []),
            place=place,
            radius_km=data.get("radius_km") or (DEFAULT_RADIUS_KM if place else None),
            area_min=data.get("area_min"),
            area_max=data.get("area_max"),
            rent_max=data.get("rent_max"),
            features=list(data.get("features") or []),
            interim_use=bool(data.get("interim_use")),
            needs=list(data.get("needs") or []),
            stage=data.get("stage") or None,
            available_by=data.get("available_by"),
            text=data.get("text") or "",
            limit=data.get("limit") or 10,
        )

    def profile_fields(self) -> dict:
        """The validated request as SeekerProfile field values."""
        req = self.match_request()
        return {
            "kind": req.kind, "sector": req.sector, "use_types": req.use_types,
            "city": req.place.name if req.place else "",
            "latitude": req.place.lat if req.place else None,
            "longitude": req.place.lon if req.place else None,
            "radius_km": req.radius_km, "area_min": req.area_min, "area_max": req.area_max, "rent_max": req.rent_max,
            "features": req.features, "interim_use": req.interim_use, "needs": req.needs, "stage": req.stage or "",
            "available_by": req.available_by, "text": req.text,
        }



class SaveSearchForm(forms.Form):
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse", max_length=254,
        error_messages={"required": "Bitte eine E-Mail-Adresse angeben.",
                        "invalid": "Bitte eine gültige E-Mail-Adresse angeben."},
    )
    allow_contact = forms.BooleanField(
        label="Die LEG Thüringen darf mich zu passenden Flächen ansprechen.", required=False,
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # honeypot

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))
