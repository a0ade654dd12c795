from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.registry import building_blocks
from lerend.kit.forms import DateInput
from lerend.organisations.picker import PersonField, PickerForm
from lerend.organisations.team_picker import TeamField

from .models import CoachingForm, TargetKind

DURATIONS = [15, 30, 45, 60, 90, 120]
# The forms a person chooses; "from the PD catalogue" is set only by counting a PD activity.
CHOSEN_FORMS = [(v, label) for v, label in CoachingForm.choices if v != CoachingForm.PD]


class Form(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class NamesField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


def block_choices():
    return [(b.key, str(b.name)) for b in building_blocks()]


class AssignmentForm(PickerForm, Form):
    """The person to support is chosen with the people picker, never from a list of
    everyone."""

    coach = NameChoiceField(
        label=_("Coach from the organisation"),
        queryset=None,
        required=False,
        empty_label=_("External coach (name below)"),
    )
    external_coach = forms.CharField(
        label=_("Or: name of an external coach"), max_length=150, required=False
    )
    kind = forms.ChoiceField(
        label=_("Supports"), choices=TargetKind.choices, widget=forms.RadioSelect
    )
    person = PersonField(label=_("Person"), required=False)
    team = TeamField(label=_("Team"), required=False)
    location = NameChoiceField(label=_("Location"), queryset=None, required=False)
    starts_on = forms.DateField(label=_("From"), widget=DateInput)
    ends_on = forms.DateField(label=_("Until (optional)"), widget=DateInput, required=False)

    def __init__(self, *args, coaches, people, teams, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches
        self.fields["person"].scope = people
        self.fields["team"].scope = teams
        self.fields["location"].queryset = locations

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind and not data.get(kind):
            self.add_error(kind, _("Choose whom the coach supports."))
        for other in ("person", "team", "location"):
            if other != kind:
                data[other] = None
        return data


class PlanForm(Form):
    question = forms.CharField(
        label=_("Coaching question"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("What does the coachee want to get better at, in their own words?"),
    )
    planned_forms = forms.MultipleChoiceField(
        label=_("Planned forms of coaching"),
        choices=CHOSEN_FORMS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class GoalForm(Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("What it looks like when it is reached"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    building_blocks = forms.MultipleChoiceField(
        label=_("Building blocks"),
        choices=block_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    focus_areas = forms.MultipleChoiceField(
        label=_("Interaction skills or lesson domains"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("From the observation guide the organisation's visits use."),
    )
    pop_goal = forms.ModelChoiceField(
        label=_("Goal of your POP (optional)"),
        queryset=None,
        required=False,
        empty_label="—",
        help_text=_("Only you see your POP; linking shows the coach this goal's title."),
    )

    def __init__(self, *args, pop_goals=None, focus=(), **kwargs):
        super().__init__(*args, **kwargs)
        if focus:
            self.fields["focus_areas"].choices = list(focus)
        else:
            del self.fields["focus_areas"]
        if pop_goals is None:
            del self.fields["pop_goal"]
        else:
            self.fields["pop_goal"].queryset = pop_goals


class EvaluationForm(Form):
    evaluation = forms.CharField(
        label=_("What did the coaching bring?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
    )


class ShareForm(PickerForm, Form):
    person = PersonField(label=_("Share with"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].scope = people


class SessionForm(Form):
    """Logged on a phone straight after the session: date and duration as big choices, the
    form as a radio list, notes last."""

    held_on = forms.DateField(label=_("Date"), widget=DateInput)
    minutes = forms.IntegerField(
        label=_("Duration in minutes"),
        min_value=5,
        max_value=600,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 5, "list": "durations"}),
    )
    form = forms.ChoiceField(label=_("Form"), choices=CHOSEN_FORMS, widget=forms.RadioSelect)
    attendees = NamesField(label=_("Who took part"), queryset=None)
    location = NameChoiceField(
        label=_("These hours count toward"),
        queryset=None,
        required=False,
        empty_label=_("Where the person works"),
    )
    notes = forms.CharField(
        label=_("Short notes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )
    agreements = forms.CharField(
        label=_("Agreements"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args, attendees, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = attendees
        if locations is None:
            del self.fields["location"]
        else:
            self.fields["location"].queryset = locations


class NotesForm(Form):
    notes = SessionForm.base_fields["notes"]
    agreements = SessionForm.base_fields["agreements"]


HOURS_FIELD = {"min_value": 0, "max_digits": 7, "decimal_places": 1, "localize": True}


class NormFiguresForm(Form):
    """The figures of one year per childcare location (fields ``registrations_<id>`` and
    ``ve_<id>``) and the flexible staff's inzet."""

    flexible_hours_per_week = forms.DecimalField(
        label=_("Flexible staff: average hours a week together"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        localize=True,
        help_text=_(
            "Over the three months before 1 January: on-call and temporary staff without a "
            "contract on 1 January. 36 hours is one FTE."
        ),
    )

    def __init__(self, *args, figures, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for f in figures:
            pk = f.location.pk
            self.fields[f"registrations_{pk}"] = forms.IntegerField(
                label=_("LRK registrations at %(name)s") % {"name": f.location.name},
                min_value=0,
                max_value=20,
                initial=f.registrations,
            )
            self.fields[f"ve_{pk}"] = forms.IntegerField(
                label=_("VE-children at %(name)s on 1 January") % {"name": f.location.name},
                min_value=0,
                max_value=999,
                initial=f.ve_children,
            )
            self.rows.append((f, self[f"registrations_{pk}"], self[f"ve_{pk}"]))

    def per_location(self) -> dict:
        return {
            f.location: (
                self.cleaned_data[f"registrations_{f.location.pk}"],
                self.cleaned_data[f"ve_{f.location.pk}"],
            )
            for f, _r, _v in self.rows
        }


class DivisionForm(Form):
    """Hours per location: ``policy_<id>``, ``coaching_<id>``, ``ve_<id>``."""

    explanation = forms.CharField(
        label=_("How the hours are divided, and why"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Shown to staff and parents with the division."),
    )

    KINDS = (
        ("policy", _("Policy hours at %(name)s")),
        ("coaching", _("Coaching hours at %(name)s")),
        ("ve", _("VE hours at %(name)s")),
    )

    def __init__(self, *args, locations, initial_lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for loc in locations:
            cells = []
            for kind, label in self.KINDS:
                name = f"{kind}_{loc.pk}"
                self.fields[name] = forms.DecimalField(
                    label=label % {"name": loc.name},
                    initial=initial_lines.get(loc.pk, {}).get(kind, Decimal(0)),
                    **HOURS_FIELD,
                )
                cells.append(self[name])
            self.rows.append((loc, cells))

    def lines(self) -> dict:
        return {
            loc: tuple(self.cleaned_data[f"{kind}_{loc.pk}"] for kind, _l in self.KINDS)
            for loc, _cells in self.rows
        }


class VisitLinkForm(Form):
    visit = forms.TypedChoiceField(label=_("Visit or observation"), coerce=int, choices=())
    goal = forms.TypedChoiceField(
        label=_("For goal (optional)"), coerce=int, choices=(), required=False, empty_value=None
    )

    def __init__(self, *args, visits=(), goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visit"].choices = [(v.id, v.label) for v in visits]
        self.fields["goal"].choices = [("", "—")] + [(g.pk, g.title) for g in goals]


class ActionFromGoalForm(Form):
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())


class PdCountForm(Form):
    location = NameChoiceField(label=_("Location the hours count toward"), queryset=None)

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
