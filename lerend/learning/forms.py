from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput

from .models import EvidenceKind, JournalEntry, Phase, PlanGoal, ReviewKind

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]
SCORES = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


class EntryForm(forms.Form):
    body = forms.CharField(
        label=_("Your reflection"),
        widget=forms.Textarea(attrs={"rows": 12, "class": "journal-text"}),
        max_length=20000,
    )
    title = forms.CharField(label=_("Title (optional)"), max_length=200, required=False)
    phase = forms.ChoiceField(
        label=_("Phase of the reflection cycle (optional)"),
        choices=[("", "—")] + list(Phase.choices),
        required=False,
    )
    building_blocks = BlocksField(label=_("Building blocks this is about"))
    written_on = forms.DateField(label=_("Date"), widget=DateInput, required=False)

    @classmethod
    def for_entry(cls, entry: JournalEntry, data=None):
        return cls(
            data,
            initial={
                "body": entry.body,
                "title": entry.title,
                "phase": entry.phase,
                "building_blocks": entry.building_blocks,
                "written_on": entry.written_on,
            },
        )


def _label(person, roles) -> str:
    role = roles.get(person.pk)
    return f"{person.name} ({role})" if role else person.name


class ShareForm(forms.Form):
    """One target: ``person:<id>`` or ``team:<id>``, from the owner's allowed targets."""

    target = forms.ChoiceField(label=_("Share with"))

    def __init__(self, *args, people, teams, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles or {}
        self.people = {p.pk: p for p in people}
        self.teams = {t.pk: t for t in teams}
        choices = []
        if self.people:
            choices.append(
                (_("A coach or leader"), [(f"person:{p.pk}", _label(p, roles)) for p in people])
            )
        if self.teams:
            choices.append((_("Your team"), [(f"team:{t.pk}", t.name) for t in teams]))
        self.fields["target"].choices = [("", "—")] + choices

    def clean_target(self):
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        table = self.people if kind == "person" else self.teams if kind == "team" else {}
        try:
            obj = table[int(pk)]
        except (KeyError, ValueError) as error:
            raise forms.ValidationError(_("Choose someone from the list.")) from error
        return {"person": obj} if kind == "person" else {"team": obj}


class GoalForm(forms.ModelForm):
    building_blocks = BlocksField()
    start_score = forms.TypedChoiceField(
        label=_("Self-assessment at the start (1–5)"),
        choices=SCORES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    end_score = forms.TypedChoiceField(
        label=_("Self-assessment at the end (1–5)"),
        choices=SCORES,
        coerce=int,
        empty_value=None,
        required=False,
    )

    class Meta:
        model = PlanGoal
        fields = [
            "title",
            "description",
            "building_blocks",
            "start_score",
            "start_note",
            "end_score",
            "end_note",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "start_note": forms.Textarea(attrs={"rows": 3}),
            "end_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, with_end=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_end:
            del self.fields["end_score"]
            del self.fields["end_note"]


class ActivityForm(forms.Form):
    description = forms.CharField(label=_("Planned activity"), max_length=300)
    planned_for = forms.DateField(label=_("When"), widget=DateInput, required=False)


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=EvidenceKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    goal = forms.TypedChoiceField(label=_("For goal"), coerce=int, empty_value=None, required=False)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, PNG, JPG, Word (docx) or Excel (xlsx); at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.docx,.xlsx"}),
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = {g.pk: g for g in goals}
        self.fields["goal"].choices = [("", "—")] + [(g.pk, g.title) for g in goals]

    def clean_goal(self):
        pk = self.cleaned_data.get("goal")
        return self.goals.get(pk) if pk else None


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


class ReminderForm(forms.Form):
    weekday = forms.ChoiceField(
        label=_("Send me a reminder by e-mail every"),
        choices=[("", _("no reminder"))] + WEEKDAYS,
        required=False,
    )
