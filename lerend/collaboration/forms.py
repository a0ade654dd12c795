from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput, NoLabelSuffix, TimeInput
from lerend.organisations.picker import PeopleField, PersonField, PickerForm
from lerend.organisations.team_picker import TeamField

from . import catalogue
from .models import GroupKind, VisitKind


def _method_choices():
    return [("", _("No set method"))] + [(m.key, str(m.name)) for m in catalogue.methods()]


def _rubric_choices():
    return [("", _("No observation guide"))] + [(r.key, str(r.name)) for r in catalogue.rubrics()]


class Form(PickerForm, NoLabelSuffix, forms.Form):
    pass


class GroupForm(Form):
    kind = forms.ChoiceField(label=_("Kind of group"), choices=GroupKind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    theme = forms.CharField(
        label=_("Theme"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the group wants to learn about together."),
    )
    building_blocks = BlocksField()
    members = PeopleField(label=_("Members"), required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].scope = people


class MeetingForm(Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    starts_at = forms.TimeField(label=_("Start time"), widget=TimeInput)
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=10, max_value=480
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    method_key = forms.ChoiceField(
        label=_("Intervision method"), choices=_method_choices, required=False
    )
    facilitator = PersonField(label=_("Facilitator"), required=False)
    case_bringer = PersonField(label=_("Case-bringer"), required=False)
    agenda = forms.CharField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    notes = forms.CharField(
        label=_("Notes (only for the group)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    action_points = forms.CharField(
        label=_("Action points"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. You can turn each into an action on a team board."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].scope = members
        self.fields["case_bringer"].scope = members


class StepNotesForm(Form):
    text = forms.CharField(
        label=_("Notes for this step"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MeetingActionForm(Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    owner = PersonField(label=_("Who does it?"))
    due_on = forms.DateField(label=_("Done by"), widget=DateInput)
    team = TeamField(label=_("On the board of team"))

    def __init__(self, *args, members, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].scope = members
        self.fields["team"].scope = teams


class VisitForm(Form):
    kind = forms.ChoiceField(label=_("Kind of visit"), choices=VisitKind.choices)
    observed = PersonField(
        label=_("Who is observed?"),
        help_text=_("This person owns the record: they always see it and decide who else may."),
    )
    observers = PeopleField(label=_("Observers"))
    external_observers = forms.CharField(
        label=_("Visitors from outside (names, optional)"), max_length=300, required=False
    )
    date = forms.DateField(label=_("Date"), widget=DateInput)
    team = TeamField(label=_("Team or group"), required=False)
    rubric_key = forms.ChoiceField(
        label=_("Observation guide"), choices=_rubric_choices, required=False
    )
    focus_question = forms.CharField(
        label=_("Focus question"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What does the observed person want to learn from this visit?"),
    )
    lesson_design = forms.ModelChoiceField(
        label=_("Lesson design (optional)"), queryset=None, required=False, empty_label="—"
    )

    def __init__(self, *args, people, teams, designs, with_observed=True, lessons=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["observed"].scope = people
        self.fields["observers"].scope = people
        self.fields["team"].scope = teams
        self.fields["lesson_design"].queryset = designs
        if not lessons:
            # Childcare has groups, not lessons: no lesson visit, no lesson design to offer.
            self.fields["kind"].choices = [
                (value, label) for value, label in VisitKind.choices if value != VisitKind.LESSON
            ]
            del self.fields["lesson_design"]
        if not with_observed:
            del self.fields["observed"]


class ObservationForm(Form):
    """One level choice and one note per rubric item; fields are numbered, the item keys
    stay on the server."""

    def __init__(self, *args, rubric, observations, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        self.rows = []
        choices = [("", _("Not observed"))] + [(lv.key, str(lv.label)) for lv in rubric.scale]
        for n, item in enumerate(rubric.items):
            found = observations.get(item.key)
            self.fields[f"level_{n}"] = forms.ChoiceField(
                label=str(item.text),
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=found.level if found else "",
            )
            self.fields[f"note_{n}"] = forms.CharField(
                label=_("What did you see?"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=found.note if found else "",
            )
            self.rows.append((item, f"level_{n}", f"note_{n}"))

    def domains(self):
        """Domains with their bound fields, for the template."""
        by_key = {item.key: (self[level], self[note]) for item, level, note in self.rows}
        return [
            (domain, [(item, *by_key[item.key]) for item in domain.items])
            for domain in self.rubric.domains
        ]

    def entries(self) -> dict[str, tuple[str, str]]:
        return {
            item.key: (self.cleaned_data[level] or "", self.cleaned_data[note] or "")
            for item, level, note in self.rows
        }


class FeedbackForm(Form):
    tops = forms.CharField(
        label=_("Tops: what went well"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    tips = forms.CharField(
        label=_("Tips: what could grow"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    feedback_notes = forms.CharField(
        label=_("Notes of the feedback conversation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    held = forms.BooleanField(label=_("The visit has taken place"), required=False)


class PeerReviewForm(Form):
    self_evaluation = forms.CharField(
        label=_("Self-evaluation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the visited team says about itself beforehand."),
    )
    programme = forms.CharField(
        label=_("Programme of the day"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    report = forms.CharField(
        label=_("Report"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )


class VisitShareForm(Form):
    person = PersonField(
        label=_("Share with"),
        error_messages={
            "required": _("Choose someone to share with."),
            # Choices are the active colleagues who are not yet a party to the visit.
            "invalid_choice": _(
                "Choose a colleague who works in this organisation now and is not already "
                "part of this visit."
            ),
        },
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].scope = people


class DesignForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    goal = forms.CharField(
        label=_("Lesson goal"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    plan = forms.CharField(
        label=_("Lesson plan"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    participants = PeopleField(label=_("Designed with"), required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].scope = people
