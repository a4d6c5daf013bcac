"""Form fields shared by the apps."""

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
