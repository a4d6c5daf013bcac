"""Forms of the members' area; every message German."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from common import logins
from common.uploads import validate_document
from members.models import Meeting, MemberProfile, Post, Task, Workspace
from partners.models import Partner


class LoginForm(logins.LoginForm):
    """Members log in with their user name or e-mail address."""

    error_messages = {
        **logins.LoginForm.error_messages,
        "invalid_login": "Benutzername/E-Mail oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.",
    }


class WorkspaceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class MemberForm(forms.Form):
    first_name = forms.CharField(label="Vorname", max_length=150)
    last_name = forms.CharField(label="Nachname", max_length=150)
    organisation = forms.ModelChoiceField(
        label="Organisation", queryset=Partner.objects.all(), required=False, empty_label="– keine –"
    )
    workspaces = WorkspaceChoiceField(
        label="Arbeitsgruppen",
        queryset=Workspace.objects.filter(is_alliance=False),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class InviteForm(MemberForm):
    email = forms.EmailField(label="E-Mail-Adresse", error_messages={"invalid": "Bitte eine gültige E-Mail-Adresse."})

    field_order = ["email", "first_name", "last_name", "organisation", "workspaces"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        User = get_user_model()
        if User.objects.filter(email__iexact=email).exists() or User.objects.filter(username__iexact=email).exists():
            raise forms.ValidationError("Für diese E-Mail-Adresse gibt es schon ein Konto.")
        return email


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["kind", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "start", "end", "place", "description"]
        widgets = {
            "start": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "end": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"]
            self.fields[name].error_messages["invalid"] = "Bitte Datum und Uhrzeit angeben (TT.MM.JJJJ HH:MM)."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] <= cleaned["start"]:
            raise forms.ValidationError("Das Ende muss nach dem Beginn liegen.")
        return cleaned


class ReplyForm(forms.Form):
    body = forms.CharField(label="Antwort", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class DocumentForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=255)
    file = forms.FileField(label="Datei")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload:  # optional where the form allows a post without a file
            validate_document(upload)
        return upload


class TaskForm(forms.ModelForm):
    groups = WorkspaceChoiceField(
        label="Verantwortliche Gruppen", queryset=Workspace.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Task
        fields = ["title", "period", "due_date", "groups", "responsible", "status", "notes"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, allowed_groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        if allowed_groups is not None:
            self.fields["groups"].queryset = allowed_groups
        self.fields["due_date"].error_messages["invalid"] = "Bitte ein Datum angeben (TT.MM.JJJJ)."

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("period") and not cleaned.get("due_date"):
            raise forms.ValidationError("Bitte einen Termin (z. B. „10-11/2023“) oder ein Fälligkeitsdatum angeben.")
        if "groups" in self.fields and not cleaned.get("groups") and not cleaned.get("responsible"):
            raise forms.ValidationError("Bitte eine verantwortliche Gruppe oder Stelle angeben.")
        return cleaned


class ProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = ["digest_enabled"]
        labels = {"digest_enabled": "Tägliche E-Mail-Zusammenfassung mit allem Neuen erhalten"}


def parse_option_lines(text):
    """Proposed dates, one per line: "TT.MM.JJJJ HH:MM" with an optional "-HH:MM" end."""
    options, errors = [], []
    tz = timezone.get_current_timezone()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            day, _, times = line.partition(" ")
            start_text, _, end_text = times.strip().partition("-")
            date = datetime.datetime.strptime(day, "%d.%m.%Y").date()
            start_time = datetime.datetime.strptime(start_text.strip() or "10:00", "%H:%M").time()
            start = datetime.datetime.combine(date, start_time, tz)
            end = None
            if end_text.strip():
                end = datetime.datetime.combine(date, datetime.datetime.strptime(end_text.strip(), "%H:%M").time(), tz)
                if end <= start:
                    raise ValueError
        except ValueError:
            errors.append(f"Zeile {number} („{line}“) ist kein Termin; Format: 12.10.2023 10:00-13:00")
            continue
        options.append((start, end))
    return options, errors


class PollForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=200)
    description = forms.CharField(label="Beschreibung", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    place = forms.CharField(label="Ort", max_length=255, required=False)
    workspace = forms.ModelChoiceField(label="Bereich", queryset=Workspace.objects.none(), empty_label=None)
    options = forms.CharField(
        label="Terminvorschläge",
        widget=forms.Textarea(attrs={"rows": 5, "placeholder": "12.10.2023 10:00-13:00\n19.10.2023 14:00-17:00"}),
        help_text="Ein Termin pro Zeile: Datum, Uhrzeit und optional das Ende, z. B. „12.10.2023 10:00-13:00“.",
    )
    invite_groups = WorkspaceChoiceField(
        label="Ganze Gruppen einladen", queryset=Workspace.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    invite_members = forms.ModelMultipleChoiceField(
        label="Einzelne Mitglieder einladen", queryset=get_user_model().objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, workspaces, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workspace"].queryset = workspaces
        self.fields["invite_groups"].queryset = Workspace.objects.all()
        self.fields["invite_members"].queryset = members
        self.fields["invite_members"].label_from_instance = lambda user: user.get_full_name() or user.username

    def clean_options(self):
        options, errors = parse_option_lines(self.cleaned_data["options"])
        if errors:
            raise forms.ValidationError(errors)
        if not options:
            raise forms.ValidationError("Bitte mindestens einen Terminvorschlag angeben.")
        return options

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("invite_groups") and not cleaned.get("invite_members"):
            raise forms.ValidationError("Bitte Mitglieder oder eine ganze Gruppe einladen.")
        return cleaned

    def invitees(self):
        User = get_user_model()
        groups = [workspace.group for workspace in self.cleaned_data.get("invite_groups") or []]
        ids = set(User.objects.filter(is_active=True, groups__in=groups).values_list("id", flat=True))
        ids |= {user.id for user in self.cleaned_data.get("invite_members") or []}
        return User.objects.filter(id__in=ids)
