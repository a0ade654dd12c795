from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.accounts.forms import NoLabelSuffix

from .services import VALID_DAYS

DAY_LABELS = {30: _("30 days"), 90: _("90 days"), 365: _("1 year")}


class TokenForm(NoLabelSuffix, forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What the key is for, for example “Dashboard of the board”."),
    )
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        choices=[(d, DAY_LABELS[d]) for d in VALID_DAYS],
        initial=90,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
