from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField, block_choices
from lerend.kit.forms import DateInput
from lerend.organisations.models import Location
from lerend.organisations.picker import PersonField, PickerForm
from lerend.organisations.team_picker import TeamField

from .models import KnowledgeEntry, OriginKind


class EntryForm(PickerForm, forms.ModelForm):
    building_blocks = BlocksField()

    class Meta:
        model = KnowledgeEntry
        fields = [
            "title",
            "context",
            "approach",
            "result",
            "learned",
            "evidence",
            "building_blocks",
            "visibility",
            "team",
            "location",
            "contact_person",
            "origin_kind",
            "origin_id",
            "review_on",
        ]
        widgets = {
            "review_on": DateInput(),
            "context": forms.Textarea(attrs={"rows": 3}),
            "approach": forms.Textarea(attrs={"rows": 3}),
            "result": forms.Textarea(attrs={"rows": 3}),
            "learned": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"origin_id": _("Number of that record (optional)")}

    def __init__(self, *args, access, contacts, teams, **kwargs):
        super().__init__(*args, **kwargs)
        org = access.organisation
        # One's own and led teams, chosen by search when there are many (decision 0023).
        team = self.fields["team"]
        self.fields["team"] = TeamField(label=team.label, required=False, help_text=team.help_text)
        self.fields["team"].scope = teams
        self.fields["location"].queryset = Location.objects.filter(
            organisation=org,
            pk__in=[
                pk
                for pk in Location.objects.filter(organisation=org).values_list("pk", flat=True)
                if pk in access.location_ids or access.covers_location(pk)
            ],
        )
        self.fields["team"].required = self.fields["location"].required = False
        # Chosen by search among everyone working here, never from a list of them all.
        contact = self.fields["contact_person"]
        self.fields["contact_person"] = PersonField(
            label=contact.label, required=False, help_text=contact.help_text
        )
        self.fields["contact_person"].scope = contacts
        self.fields["origin_kind"].choices = OriginKind.choices
        self.fields["review_on"].required = False


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    soort = forms.ChoiceField(label=_("Type"), required=False)
    bouwsteen = forms.ChoiceField(label=_("Building block"), required=False)

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", _("All types"))] + [(k, kind_label(k)) for k in kinds]
        self.fields["bouwsteen"].choices = [("", _("All building blocks"))] + block_choices()


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


KIND_LABELS = {
    "knowledge": _("What we learned"),
    "practice": _("Practice"),
    "goal": _("Goal"),
    "action": _("Action"),
    "theme": _("Development theme"),
    "learning_group": _("Learning group"),
    "pd_writeup": _("PD write-up"),
}


class ExpertiseForm(forms.Form):
    can_help_with = forms.CharField(
        label=_("What can colleagues ask you about?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
    building_blocks = BlocksField()
    show_knowledge = forms.BooleanField(label=_("Show the knowledge I shared"), required=False)
    show_pd = forms.BooleanField(label=_("Show how many PD activities I followed"), required=False)
    show_groups = forms.BooleanField(
        label=_("Show how many learning groups I coordinated"), required=False
    )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    bouwsteen = forms.ChoiceField(label=_("Building block"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bouwsteen"].choices = [("", _("All building blocks"))] + block_choices()
