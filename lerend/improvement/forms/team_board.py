"""Forms of the team board: actions, items, session notes, follow-up and the schedule."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput, NoLabelSuffix, TimeInput
from lerend.organisations.models import Team
from lerend.organisations.picker import PersonField, PickerForm, team_people

from ..models import Action, ItemKind, Outcome, TeamBoard


class ActionForm(PickerForm, NoLabelSuffix, forms.ModelForm):
    building_blocks = BlocksField()

    class Meta:
        model = Action
        fields = [
            "team",
            "title",
            "owner",
            "due_on",
            "goal",
            "building_blocks",
            "pdca_phase",
            "origin",
        ]
        widgets = {"due_on": DateInput}

    def __init__(self, *args, organisation, teams, goals, owners, **kwargs):
        super().__init__(*args, **kwargs)
        if teams is not None:
            self.fields["team"].queryset = teams
        self.fields["team"].error_messages["invalid_choice"] = _(
            "You cannot add actions to that team."
        )
        self.fields["owner"] = PersonField(label=self.fields["owner"].label)
        self.fields["owner"].scope = owners
        self.fields["owner"].error_messages["required"] = _(
            "Every action needs an owner: choose who does it."
        )
        self.fields["goal"].queryset = goals
        self.fields["goal"].required = False
        if self.instance.pk:
            del self.fields["team"]

    def clean(self):
        data = super().clean()
        team = data.get("team") or (self.instance.team if self.instance.pk else None)
        owner = data.get("owner")
        if team is None or owner is None:
            return data
        if not team_people(team.organisation, [team.pk]).filter(pk=owner.pk).exists():
            self.add_error(
                "owner",
                _("The owner comes from the team: choose someone of %(team)s.")
                % {"team": team.name},
            )
        return data

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        changed = self.instance.pk is None or "due_on" in self.changed_data
        if changed and due_on < timezone.localdate():
            raise forms.ValidationError(
                _("This due date lies in the past. Choose today or a later date.")
            )
        return due_on

    def _post_clean(self):
        pass


class BoardItemForm(NoLabelSuffix, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    text = forms.CharField(label=_("Text"), max_length=300)


class SessionNotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes of this session"), widget=forms.Textarea(attrs={"rows": 5})
    )


class FollowUpForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = Action
        fields = ["outcome", "learned"]
        widgets = {"outcome": forms.RadioSelect, "learned": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["outcome"].choices = Outcome.choices
        self.fields["outcome"].label = _("Did it work?")
        self.fields["outcome"].error_messages["required"] = _("Choose yes, partly or no.")

    def _post_clean(self):
        pass


class ScheduleForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = TeamBoard
        fields = ["weekday", "starts_at", "duration_minutes", "place"]
        widgets = {"starts_at": TimeInput}


def action_teams(access, rules):
    """Teams this person may add actions to."""
    teams = Team.objects.filter(organisation=access.organisation).select_related("location")
    return Team.objects.filter(
        pk__in=[t.pk for t in teams if rules.can_work_board(access, t)]
    ).select_related("location")
