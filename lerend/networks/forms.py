from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.kit.forms import DateInput, NoLabelSuffix

from .models import NetworkRound


class RoundForm(NoLabelSuffix, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose_1 = forms.CharField(
        label=_("Who do you go to for advice on …"),
        max_length=200,
        help_text=_("For example: a difficult situation with a child or a class."),
    )
    purpose_2 = forms.CharField(
        label=_("Second purpose (optional)"), max_length=200, required=False
    )
    purpose_3 = forms.CharField(label=_("Third purpose (optional)"), max_length=200, required=False)
    purpose_statement = forms.CharField(
        label=_("Why we ask (shown to everyone before they answer)"), widget=forms.Textarea
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput)
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput)
    min_response_rate = forms.IntegerField(
        label=_("Minimum response rate (%)"), min_value=50, max_value=100, initial=60
    )
    previous = forms.ModelChoiceField(
        label=_("Re-measure of (optional)"), queryset=NetworkRound.objects.none(), required=False
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = NetworkRound.objects.filter(
            organisation=organisation, status="closed"
        )
