"""Forms of the reflection journal and its reminder."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import DateInput

from ..models import JournalEntry, Phase

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


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


class ReminderForm(forms.Form):
    weekday = forms.ChoiceField(
        label=_("Send me a reminder by e-mail every"),
        choices=[("", _("no reminder"))] + WEEKDAYS,
        required=False,
    )
