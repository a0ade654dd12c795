"""Forms of the vision, the goals and the improvement settings."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput, NoLabelSuffix
from lerend.organisations.picker import PersonField, PickerForm

from ..models import Goal, ImprovementSettings


class VisionForm(NoLabelSuffix, forms.Form):
    vision = forms.CharField(
        label=_("Vision"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    mission = forms.CharField(
        label=_("Mission"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    core_values = forms.CharField(
        label=_("Core values"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One core value per line."),
    )
    is_public = forms.BooleanField(
        label=_("Show vision, mission and core values on the public page for parents"),
        required=False,
    )

    def __init__(self, *args, allow_public=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_public:
            del self.fields["is_public"]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f, "").strip() for f in ("vision", "mission", "core_values")):
            raise forms.ValidationError(_("Write at least a vision, a mission or a core value."))
        return cleaned


class GoalForm(PickerForm, NoLabelSuffix, forms.ModelForm):
    building_blocks = BlocksField()

    class Meta:
        model = Goal
        fields = [
            "title",
            "why",
            "building_blocks",
            "core_value",
            "owner",
            "starts_on",
            "ends_on",
            "indicator",
            "supports",
            "status",
        ]
        widgets = {
            "why": forms.Textarea(attrs={"rows": 3}),
            "indicator": forms.Textarea(attrs={"rows": 2}),
            "starts_on": DateInput,
            "ends_on": DateInput,
        }

    def __init__(self, *args, organisation, core_values, supportable, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = PersonField(label=self.fields["owner"].label)
        self.fields["owner"].scope = owners
        self.fields["owner"].error_messages["required"] = _("Choose who owns this goal.")
        self.fields["supports"].queryset = supportable
        if not supportable.exists():
            del self.fields["supports"]
        self.fields["indicator"].help_text = _(
            "What will we see or hear when this goal is reached?"
        )
        values = list(core_values)
        if self.instance.core_value and self.instance.core_value not in values:
            values.append(self.instance.core_value)
        self.fields["core_value"] = forms.ChoiceField(
            label=_("Related core value"),
            required=False,
            choices=[("", _("— none —"))] + [(v, v) for v in values],
        )
        if not self.instance.pk:
            del self.fields["status"]

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        changed = self.instance.pk is None or "ends_on" in self.changed_data
        if changed and ends_on < timezone.localdate():
            raise forms.ValidationError(
                _("This end date lies in the past. Choose today or a later date.")
            )
        return ends_on

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date comes before the start date."))
        return cleaned

    def _post_clean(self):
        # Level, team and organisation are set by the service; skip the model's own checks
        # of them here (the service runs full_clean on the complete object).
        pass


class SettingsForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = ImprovementSettings
        fields = ["max_active_goals_per_team", "follow_up_weeks"]
