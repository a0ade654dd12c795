"""Forms of professional development: catalogue, registration, participation, budgets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput
from lerend.organisations.picker import PersonField, PickerForm
from lerend.organisations.team_picker import TeamField

from ..models import Applied, PdActivity


class PdActivityForm(forms.ModelForm):
    building_blocks = BlocksField()

    class Meta:
        model = PdActivity
        fields = [
            "title",
            "kind",
            "provider",
            "starts_on",
            "ends_on",
            "hours",
            "cost",
            "building_blocks",
            "description",
        ]
        widgets = {
            "starts_on": DateInput,
            "ends_on": DateInput,
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class PersonChoiceForm(PickerForm, forms.Form):
    """A leader registers someone in their scope."""

    person = PersonField(label=_("Register a colleague"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].scope = people


class AttendedForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Hours you spent"), min_value=0, max_digits=6, decimal_places=1, required=False
    )


class WriteupForm(forms.Form):
    writeup = forms.CharField(
        label=_("What did you learn? A few lines for colleagues"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        required=False,
    )
    shared = forms.BooleanField(
        label=_("Share with colleagues in the organisation"),
        required=False,
        help_text=_("Without this tick only you can read it."),
    )


class AppliedForm(forms.Form):
    applied = forms.ChoiceField(
        label=_("Did you apply it in practice?"),
        choices=Applied.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("How, or why not? (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )


class BudgetForm(PickerForm, forms.Form):
    """A budget for one team (chosen from the leader's teams) or one person (found with the
    people picker in the leader's scope)."""

    team = TeamField(label=_("For a team"), required=False)
    person = PersonField(label=_("Or for a person"), required=False)
    amount = forms.DecimalField(label=_("Budget (euro)"), min_value=0, max_digits=10)
    hours = forms.DecimalField(label=_("Hours"), min_value=0, max_digits=7, decimal_places=1)

    def __init__(self, *args, teams, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].scope = teams
        self.fields["person"].scope = people

    def clean(self):
        data = super().clean()
        team, person = data.get("team"), data.get("person")
        if self.errors:
            return data
        if bool(team) == bool(person):
            raise forms.ValidationError(_("Choose a team or a person, not both."))
        if team:
            data["target"] = {"team": team}
        else:
            data["target"] = {"person": person}
        return data
