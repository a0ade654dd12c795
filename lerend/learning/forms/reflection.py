"""Forms of team reflections and the actions made from them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.kit.forms import DateInput
from lerend.organisations.picker import PeopleField, PersonField, PickerForm
from lerend.organisations.team_picker import TeamField


class ReflectionForm(PickerForm, forms.Form):
    team = TeamField(label=_("Team"))
    title = forms.CharField(label=_("Title"), max_length=200)
    period = forms.CharField(label=_("Period or project"), max_length=200, required=False)
    held_on = forms.DateField(label=_("Date"), widget=DateInput)
    participants = PeopleField(label=_("Participants"), required=False)
    went_well = forms.CharField(
        label=_("What went well?"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    learned = forms.CharField(
        label=_("What did we learn?"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    change = forms.CharField(
        label=_("What do we change?"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    outcomes = forms.CharField(
        label=_("Outcomes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Agreements you made. Turn them into actions on the reflection's page."),
    )

    def __init__(self, *args, teams, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].scope = teams
        self.fields["participants"].scope = people


class ReflectionActionForm(PickerForm, forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    owner = PersonField(label=_("Who does it?"))
    due_on = forms.DateField(label=_("Ready by"), widget=DateInput)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].scope = people
