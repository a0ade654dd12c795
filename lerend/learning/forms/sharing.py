"""The owner's share form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.organisations.picker import PersonField, PickerForm
from lerend.organisations.team_picker import TeamField


class ShareForm(PickerForm, forms.Form):
    """One target: a coach or leader who covers the owner (found with the people picker) or
    one of the owner's own teams."""

    person = PersonField(
        label=_("A coach or leader"),
        required=False,
        help_text=_("Only the coaches and leaders who cover you can be found here."),
    )
    team = TeamField(label=_("Or your team"), required=False)

    def __init__(self, *args, people, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].scope = people
        if teams is not None and teams.few != ():
            self.fields["team"].scope = teams
        else:
            del self.fields["team"]
        self.has_targets = "team" in self.fields or people.people.exists()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        person, team = data.get("person"), data.get("team")
        if bool(person) == bool(team):
            raise forms.ValidationError(_("Choose one coach or leader, or your team."))
        data["target"] = {"person": person} if person else {"team": team}
        return data
