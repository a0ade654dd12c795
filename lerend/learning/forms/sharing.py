"""The owner's share form, and how a coach or leader is named in a list."""

from django import forms
from django.utils.translation import gettext_lazy as _


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
