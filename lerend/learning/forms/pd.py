"""Forms of professional development: catalogue, registration, participation, budgets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput

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


class PersonChoiceForm(forms.Form):
    """A leader registers someone in their scope."""

    person = forms.ModelChoiceField(label=_("Register a colleague"), queryset=None)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


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


class BudgetForm(forms.Form):
    target = forms.ChoiceField(label=_("For"))
    amount = forms.DecimalField(label=_("Budget (euro)"), min_value=0, max_digits=10)
    hours = forms.DecimalField(label=_("Hours"), min_value=0, max_digits=7, decimal_places=1)

    def __init__(self, *args, teams, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = {t.pk: t for t in teams}
        self.people = {p.pk: p for p in people}
        self.fields["target"].choices = [
            ("", "—"),
            (_("Team"), [(f"team:{t.pk}", t.name) for t in teams]),
            (_("Person"), [(f"person:{p.pk}", p.name) for p in people]),
        ]

    def clean_target(self):
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        table = self.people if kind == "person" else self.teams if kind == "team" else {}
        try:
            obj = table[int(pk)]
        except (KeyError, ValueError) as error:
            raise forms.ValidationError(_("Choose a team or a person from the list.")) from error
        return {"person": obj} if kind == "person" else {"team": obj}
