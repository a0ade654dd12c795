"""Forms of the review conversations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.kit.forms import DateInput
from lerend.organisations.picker import PersonField, PickerForm

from ..models import ReviewKind


class ReviewForm(PickerForm, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of conversation"), choices=ReviewKind.choices)
    reviewer = PersonField(label=_("With"))
    held_on = forms.DateField(label=_("Date"), widget=DateInput)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].scope = people


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Shared notes"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_("When the notes change, both of you confirm them again."),
    )
    held_on = forms.DateField(label=_("Date"), widget=DateInput)
