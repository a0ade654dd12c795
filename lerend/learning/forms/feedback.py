"""Forms of peer feedback: asking and answering."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lerend.organisations.picker import PeopleField, PickerForm


class FeedbackRequestForm(PickerForm, forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "For example: what do you see me do well with the group, and what could I do "
            "differently?"
        ),
    )
    people = PeopleField(label=_("Whom do you ask?"))
    allow_anonymous = forms.BooleanField(
        label=_("Colleagues may answer anonymously"),
        required=False,
        initial=True,
        help_text=_(
            "Anonymous answers are shown only when you asked at least 3 colleagues and at "
            "least 3 answered anonymously — then all together, in random order."
        ),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].scope = people


class FeedbackAnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )
    anonymous = forms.BooleanField(label=_("Answer anonymously"), required=False)

    def __init__(self, *args, allow_anonymous, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_anonymous:
            del self.fields["anonymous"]
