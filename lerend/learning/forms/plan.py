"""Forms of the development plan (POP): goals, activities, evidence."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput

from ..models import EvidenceKind, PlanGoal

SCORES = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


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
