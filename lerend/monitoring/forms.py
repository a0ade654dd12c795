from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import validate_block_keys
from lerend.frameworks.registry import building_blocks
from lerend.organisations.models import Location, Team
from lerend.organisations.picker import PersonField, PickerForm
from lerend.organisations.team_picker import TeamField, TeamsField

from . import rules
from .models import (
    CheckIn,
    ContextFactor,
    Decision,
    Experiment,
    Indicator,
    Level,
    MonitoringSettings,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class _Form(PickerForm, forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class _ModelForm(PickerForm, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _block_choices():
    return [(b.key, str(b.name)) for b in building_blocks()]


class BlocksField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Building blocks"), required=False, validators=[validate_block_keys], **kwargs
        )

    def valid_value(self, value):
        return True  # validate_block_keys gives the one clear message


def _drop_empty(form, *names) -> None:
    """No empty box of checkboxes: a link field without anything to link is left out."""
    for name in names:
        if not form.fields[name].choices:
            del form.fields[name]


class IndicatorForm(_ModelForm):
    building_blocks = BlocksField()
    goal_ids = forms.TypedMultipleChoiceField(
        label=_("Goals it serves"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    theme_ids = forms.TypedMultipleChoiceField(
        label=_("Development themes it serves"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Indicator
        fields = [
            "title",
            "description",
            "kind",
            "level",
            "location",
            "team",
            "unit",
            "baseline",
            "baseline_on",
            "target",
            "target_on",
            "direction",
            "cadence",
            "source",
            "scan_block",
            "building_blocks",
            "owner",
            "archived",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "baseline_on": DateInput,
            "target_on": DateInput,
        }

    def __init__(self, *args, access, goals, themes, owners, teams, **kwargs):
        super().__init__(*args, **kwargs)
        org = access.organisation
        self.fields["owner"] = PersonField(
            label=_("Owner"), required=False, help_text=_("Who keeps an eye on it. Empty: you.")
        )
        self.fields["owner"].scope = owners
        locations = Location.objects.filter(organisation=org)
        self.fields["location"].queryset = Location.objects.filter(
            pk__in=[loc.pk for loc in locations if rules.can_edit_level(access, location=loc)]
        )
        self.fields["team"] = TeamField(label=_("Group / team"), required=False)
        self.fields["team"].scope = teams
        self.fields["level"].choices = [
            (value, label)
            for value, label in Level.choices
            if value != Level.ORGANISATION or rules.can_edit_level(access)
        ]
        for name in ("baseline", "target"):
            self.fields[name].localize = True
            self.fields[name].widget.is_localized = True
        self.fields["building_blocks"].choices = _block_choices()
        self.fields["scan_block"] = forms.ChoiceField(
            label=_("Building block of the scan"),
            choices=[("", "—"), *_block_choices()],
            required=False,
            help_text=_("Only for the source 'building-block score in the latest scan'."),
        )
        self.fields["goal_ids"].choices = [(g.pk, g.title) for g in goals]
        self.fields["theme_ids"].choices = [(t.pk, t.title) for t in themes]
        self.fields["archived"].help_text = _(
            "An archived indicator leaves the list and the exports."
        )
        if self.instance.pk is None:
            del self.fields["archived"]
        self.fields["source"].help_text = _(
            "Lerend can compute some indicators itself; imported results come per group, "
            "never per child."
        )


class CheckInForm(_ModelForm):
    class Meta:
        model = CheckIn
        fields = ["measured_on", "value", "confidence", "note"]
        widgets = {"measured_on": DateInput, "confidence": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measured_on"].initial = timezone.localdate
        self.fields["value"].localize = True
        self.fields["value"].widget.is_localized = True


class ImportForm(_Form):
    file = forms.FileField(
        label=_("File (.csv or .xlsx)"),
        help_text=_(
            "Columns: groep, locatie (optional), datum, waarde, kinderen — one row per group, "
            "never per child."
        ),
    )
    confirm = forms.BooleanField(
        label=_("Import now (leave unticked to check the file first)"), required=False
    )


class SettingsForm(_ModelForm):
    class Meta:
        model = MonitoringSettings
        fields = ["wellbeing_threshold", "reminder_months"]


# --- well-being ----------------------------------------------------------------------------


class RoundForm(_Form):
    team = TeamField(label=_("Group"))
    first_on = forms.DateField(label=_("First moment"), widget=DateInput)
    second_on = forms.DateField(label=_("Second moment (another day)"), widget=DateInput)

    def __init__(self, *args, teams, school=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].scope = teams
        if school:
            self.fields["team"].label = _("Class")

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("first_on"), cleaned.get("second_on")
        if first and second and first == second:
            self.add_error("second_on", _("Observe the second time on another day."))
        return cleaned


SCALE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class ScoreForm(_Form):
    child = forms.CharField(
        label=_("Child (number or pseudonym — never a name)"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
    )
    moment = forms.TypedChoiceField(
        label=_("Moment"),
        coerce=int,
        choices=[(1, _("First")), (2, _("Second"))],
        widget=forms.RadioSelect,
    )
    wellbeing = forms.TypedChoiceField(
        label=_("Well-being (1 = signal, 5 = high)"),
        coerce=int,
        choices=SCALE_CHOICES,
        widget=forms.RadioSelect,
    )
    involvement = forms.TypedChoiceField(
        label=_("Involvement (1 = signal, 5 = high)"),
        coerce=int,
        choices=SCALE_CHOICES,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, school=False, **kwargs):
        super().__init__(*args, **kwargs)
        if school:
            self.fields["child"].label = _("Pupil (number or pseudonym — never a name)")


class ReflectionForm(_Form):
    reflection = forms.CharField(
        label=_("What may explain this profile?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    context_factors = forms.MultipleChoiceField(
        label=_("Context factors that play a part"),
        choices=ContextFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class RoundActionForm(_Form):
    title = forms.CharField(label=_("Action for the team board"), max_length=200)
    owner = PersonField(label=_("Who does it"))
    due_on = forms.DateField(label=_("Done by"), widget=DateInput)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].scope = people


# --- experiments ---------------------------------------------------------------------------


class ExperimentForm(_ModelForm):
    building_blocks = BlocksField()
    goal_ids = forms.TypedMultipleChoiceField(
        label=_("Goals it serves"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    theme_ids = forms.TypedMultipleChoiceField(
        label=_("Development themes it serves"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pd_ids = forms.TypedMultipleChoiceField(
        label=_("PD activities it builds on"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Experiment
        fields = [
            "title",
            "question",
            "hypothesis",
            "change",
            "teams",
            "owner",
            "starts_on",
            "ends_on",
            "indicator",
            "building_blocks",
        ]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "hypothesis": forms.Textarea(attrs={"rows": 2}),
            "change": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput,
            "ends_on": DateInput,
        }

    def __init__(
        self, *args, access, teams, indicators, owners, goals=(), themes=(), pds=(), **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["goal_ids"].choices = [(g.pk, g.title) for g in goals]
        self.fields["theme_ids"].choices = [(t.pk, t.title) for t in themes]
        self.fields["pd_ids"].choices = [(a.pk, a.title) for a in pds]
        _drop_empty(self, "goal_ids", "theme_ids", "pd_ids")
        self.fields["owner"] = PersonField(
            label=_("Who leads it"), required=False, help_text=_("Empty: you.")
        )
        self.fields["owner"].scope = owners
        self.fields["teams"] = TeamsField(
            label=_("Where: the groups or teams taking part"), required=False
        )
        self.fields["teams"].scope = teams
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label = _("What we measure (an indicator)")
        self.fields["building_blocks"].choices = _block_choices()


class StepForm(_Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    description = forms.CharField(label=_("Step"), max_length=200)
    planned_on = forms.DateField(label=_("Planned for"), widget=DateInput)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class OutcomeForm(_ModelForm):
    class Meta:
        model = Experiment
        fields = ["result", "lessons", "decision", "celebrated"]
        widgets = {
            "result": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 3}),
            "decision": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = Decision.choices
        self.fields["decision"].required = True
        self.fields["celebrated"].help_text = _(
            "Successes and instructive failures both belong on the timeline."
        )
