"""Form fields and form rules shared by the apps."""

import copy

from django import forms


class FixedChoicesMixin:
    """A choice field whose choices are fixed (a vocabulary, a list of sort orders): the copies
    that every form instance makes of its fields share them instead of copying them.

    Django deep-copies each field per form instance; for a choice field that copies and
    normalises the choices twice (field and widget), ~35 µs a field, a tenth of an API request's
    own time. Per-instance changes still stay per instance: assigning ``choices`` (or widget
    ``attrs``) replaces them on the copy; only changing the shared list in place would leak.
    """

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class FixedChoiceField(FixedChoicesMixin, forms.ChoiceField):
    pass


class FixedMultipleChoiceField(FixedChoicesMixin, forms.MultipleChoiceField):
    pass


# Two people saving the same record: the later save from an older state is refused (core/concurrency.py).
OVERWRITE_MESSAGE = (
    "Während Sie bearbeitet haben, hat jemand anderes eine neuere Fassung gespeichert. Ihre Änderungen sind "
    "noch nicht gespeichert, damit sie die andere Fassung nicht überschreiben: bitte öffnen Sie den Eintrag in "
    "einem neuen Tab, vergleichen Sie und speichern Sie dann erneut."
)


class UnchangedSinceLoadedMixin(forms.Form):
    """For admin forms of records without revisions (premises): the form carries the record's
    ``updated_at`` as loaded; a save after someone else saved the record is refused with the
    same German message, the typed form kept. Add the field ``loaded_updated_at`` to a panel."""

    loaded_updated_at = forms.CharField(required=False, widget=forms.HiddenInput, label="")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and getattr(self.instance, "updated_at", None) and not self.is_bound:
            self.initial["loaded_updated_at"] = self.instance.updated_at.isoformat()

    def clean(self):
        data = super().clean()
        loaded = (self.data.get(self.add_prefix("loaded_updated_at")) or "").strip()
        if loaded and self.instance.pk:
            stored = type(self.instance)._default_manager.filter(pk=self.instance.pk).values_list(
                "updated_at", flat=True).first()
            if stored is not None and stored.isoformat() != loaded:
                raise forms.ValidationError(OVERWRITE_MESSAGE, code="stale")
        return data
