from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput

from .models import Applied, PdActivity


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


class FeedbackRequestForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "For example: what do you see me do well with the group, and what could I do "
            "differently?"
        ),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Whom do you ask?"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    allow_anonymous = forms.BooleanField(
        label=_("Colleagues may answer anonymously"),
        required=False,
        initial=True,
        help_text=_(
            "Anonymous answers are shown only when you asked at least 3 colleagues and at "
            "least 3 answered anonymously — then all together, in random order."
        ),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people


class FeedbackAnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )
    anonymous = forms.BooleanField(label=_("Answer anonymously"), required=False)

    def __init__(self, *args, allow_anonymous, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_anonymous:
            del self.fields["anonymous"]


class ReflectionForm(forms.Form):
    team = forms.TypedChoiceField(label=_("Team"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=200)
    period = forms.CharField(label=_("Period or project"), max_length=200, required=False)
    held_on = forms.DateField(label=_("Date"), widget=DateInput)
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
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
        self.teams = {t.pk: t for t in teams}
        self.fields["team"].choices = [(t.pk, t.name) for t in teams]
        self.fields["participants"].queryset = people

    def clean_team(self):
        team = self.teams.get(self.cleaned_data["team"])
        if team is None:
            raise forms.ValidationError(_("Choose one of your teams."))
        return team


class ReflectionActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    owner = forms.ModelChoiceField(label=_("Who does it?"), queryset=None)
    due_on = forms.DateField(label=_("Ready by"), widget=DateInput)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
