"""The owner's share form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.organisations.picker import PersonField, PickerForm


class ShareForm(PickerForm, forms.Form):
    """One target: a coach or leader who covers the owner (found with the people picker) or
    one of the owner's own teams."""

    person = PersonField(
        label=_("A coach or leader"),
        required=False,
        help_text=_("Only the coaches and leaders who cover you can be found here."),
    )
    team = forms.TypedChoiceField(label=_("Or your team"), coerce=int, required=False)

    def __init__(self, *args, people, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].scope = people
        self.teams = {t.pk: t for t in teams}
        if self.teams:
            self.fields["team"].choices = [("", "—")] + [(t.pk, t.name) for t in teams]
        else:
            del self.fields["team"]
        self.has_targets = bool(self.teams) or people.people.exists()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        person, team_id = data.get("person"), data.get("team")
        if bool(person) == bool(team_id):
            raise forms.ValidationError(_("Choose one coach or leader, or your team."))
        if team_id and team_id not in self.teams:
            self.add_error("team", _("Choose someone from the list."))
            return data
        data["target"] = {"person": person} if person else {"team": self.teams[team_id]}
        return data
