from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.improvement.models import DevelopmentTheme, Goal
from lerend.kit.forms import DateInput, NoLabelSuffix
from lerend.organisations.models import Location

from .models import Activity, Agreement, Contact, Partner, PartnerKind


class PartnerForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "kind", "place", "description", "locations"]
        widgets = {"locations": forms.CheckboxSelectMultiple}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locations"].queryset = Location.objects.filter(organisation=organisation)


class ContactForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "keep_until"]
        widgets = {"keep_until": DateInput}
        help_texts = {
            "keep_until": _("Deleted automatically after this date (at most two years ahead)."),
        }


class AgreementForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "kind", "summary", "starts_on", "review_on"]
        widgets = {"starts_on": DateInput, "review_on": DateInput}


class ActivityForm(NoLabelSuffix, forms.ModelForm):
    building_blocks = BlocksField(required=False)

    class Meta:
        model = Activity
        fields = ["kind", "title", "held_on", "description", "goal", "theme", "building_blocks"]
        widgets = {"held_on": DateInput}
        help_texts = {
            "description": _(
                "No information about individual children: handover data about a child stays "
                "in the systems made for it, not in Lerend."
            ),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(organisation=organisation).order_by(
            "title"
        )
        self.fields["theme"].queryset = DevelopmentTheme.objects.filter(
            organisation=organisation
        ).order_by("title")


class FilterForm(NoLabelSuffix, forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *PartnerKind.choices]
    )


class PulseForm(NoLabelSuffix, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Partner.objects.filter(organisation=organisation)
