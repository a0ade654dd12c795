"""Forms of the review conversations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.kit.forms import DateInput

from ..models import ReviewKind
from .sharing import _label


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of conversation"), choices=ReviewKind.choices)
    reviewer = forms.ModelChoiceField(label=_("With"), queryset=None)
    held_on = forms.DateField(label=_("Date"), widget=DateInput)

    def __init__(self, *args, people, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = people
        self.fields["reviewer"].label_from_instance = lambda p: _label(p, roles or {})


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Shared notes"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_("When the notes change, both of you confirm them again."),
    )
    held_on = forms.DateField(label=_("Date"), widget=DateInput)
