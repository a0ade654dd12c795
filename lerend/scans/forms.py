from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.kit.forms import DateInput, NoLabelSuffix
from lerend.organisations.models import Location
from lerend.organisations.picker import PickerForm
from lerend.organisations.team_picker import TeamsField

from .models import LETTERS_MAX, Audience, RoleGroup

STAFF_GROUP_CHOICES = [
    (RoleGroup.LEIDING.value, _("Leadership (team leaders, managers, coaches, board)")),
    (RoleGroup.MEDEWERKERS.value, _("Staff members")),
]


class CampaignForm(PickerForm, NoLabelSuffix, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    instrument_version = forms.ChoiceField(label=_("Questionnaire"))
    audience = forms.ChoiceField(label=_("Who answers"), choices=Audience.choices)
    role_groups = forms.MultipleChoiceField(
        label=_("Which staff (only for staff)"),
        choices=STAFF_GROUP_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
    )
    leaders_apart = forms.BooleanField(
        label=_("Count leadership as one group for the whole organisation (recommended)"),
        required=False,
        initial=True,
        help_text=_(
            "Then the results can compare leadership with staff members, next to the team and "
            "location results, which then give the staff members' view. Without it, team "
            "leaders and managers count in their own team or location, and leadership and "
            "staff can rarely be shown apart without revealing small groups."
        ),
    )
    locations = forms.ModelMultipleChoiceField(
        label=_("Locations"),
        queryset=Location.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
        help_text=_("Choose nothing here and under teams for the whole organisation."),
    )
    teams = TeamsField(label=_("Teams"), required=False)
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput())
    intro = forms.CharField(
        label=_("Introduction for respondents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    code_use_limit = forms.IntegerField(
        label=_("Letters per group (parents and pupils: one per family or pupil)"),
        help_text=_(
            "Each letter holds a code that works once. Make as many as the group has families "
            "or pupils: spare codes are ballots someone else could fill in."
        ),
        min_value=1,
        max_value=LETTERS_MAX,
        initial=30,
    )

    def __init__(self, *args, organisation, versions, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {str(v.pk): v for v in versions}
        self.fields["instrument_version"].choices = [
            (str(v.pk), f"{v.instrument.name} (v{v.version})") for v in versions
        ]
        self.fields["locations"].queryset = Location.objects.filter(organisation=organisation)
        self.fields["teams"].scope = teams

    def clean_instrument_version(self):
        return self.versions[self.cleaned_data["instrument_version"]]

    def clean(self):
        cleaned = super().clean()
        version, audience = cleaned.get("instrument_version"), cleaned.get("audience")
        if version and audience and version.audience != audience:
            self.add_error(
                "instrument_version", _("This questionnaire is meant for another audience.")
            )
        return cleaned


class AccessCodeForm(forms.Form):
    code = forms.CharField(label=_("Your code"), max_length=12)

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper().replace(" ", "").replace("-", "")


class ItemForm(NoLabelSuffix, forms.Form):
    """Add an item to an own instrument; it belongs to an existing dimension."""

    dimension = forms.ChoiceField(label=_("Dimension"))
    text_nl = forms.CharField(label=_("Text in Dutch"), max_length=500)
    text_en = forms.CharField(label=_("Text in English"), max_length=500)
    reverse = forms.BooleanField(label=_("Negatively worded (scored in reverse)"), required=False)

    def __init__(self, *args, dimensions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].choices = dimensions


class OpenQuestionForm(NoLabelSuffix, forms.Form):
    dimension = forms.ChoiceField(label=_("Dimension"), required=False)
    text_nl = forms.CharField(label=_("Text in Dutch"), max_length=500)
    text_en = forms.CharField(label=_("Text in English"), max_length=500)

    def __init__(self, *args, dimensions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].choices = [("", _("General (last page)")), *dimensions]
