from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import BlocksField
from lerend.kit.forms import NoLabelSuffix
from lerend.organisations.picker import PersonField, PickerForm

from ..models import Goal, ThemeStatus
from ..services.development_themes import DECISION_STATUSES


class _Form(PickerForm, NoLabelSuffix, forms.Form):
    pass


class ThemeForm(_Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What is it about, and why now?"), widget=forms.Textarea(attrs={"rows": 5})
    )
    building_blocks = BlocksField()


class ThemeFilterForm(_Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All themes"))] + list(ThemeStatus.choices),
    )


class DecisionForm(_Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[(s.value, s.label) for s in DECISION_STATUSES],
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Every member reads the decision and this reason."),
        error_messages={"required": _("Write the reason: everyone will read it.")},
    )


class ProjectForm(_Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = PersonField(
        label=_("Owner"), error_messages={"required": _("Choose who owns this project.")}
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals it serves"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, owners, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].scope = owners
        self.fields["goals"].queryset = goals


class SteeringForm(_Form):
    person = PersonField(label=_("Member"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].scope = people
