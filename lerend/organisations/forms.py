from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from lerend.kit.forms import NoLabelSuffix

from .models import (
    K_MAX,
    K_MIN,
    Location,
    Membership,
    Organisation,
    RetentionPolicy,
    Role,
    Scope,
    Team,
)
from .picker import PickerForm
from .team_picker import TeamField


class LocationForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = Location
        fields = ["name", "kind", "brin", "lrk_number", "address", "place"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["brin"].help_text = _("Schools only, e.g. 12AB or 12AB01.")
        self.fields["lrk_number"].help_text = _("Childcare only: nine digits.")

    def clean_brin(self):
        return self.cleaned_data["brin"].strip().upper()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Location.objects.filter(organisation=self.organisation, name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("There is already a location with this name."))
        return name


class TeamForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = Team
        fields = ["location", "name", "kind"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["location"].queryset = Location.objects.filter(organisation=organisation)

    def clean(self):
        cleaned = super().clean()
        name, location = cleaned.get("name", "").strip(), cleaned.get("location")
        if name and location:
            taken = Team.objects.filter(location=location, name__iexact=name)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("name", _("This location already has a team with this name."))
        return cleaned

    def validate_unique(self):
        # Checked in clean() with a Dutch message; the model check would repeat it in English.
        pass


class ScopeFieldsMixin:
    """Role + scope + location/team, shared by memberships and invitations."""

    def setup_scope(self, organisation, teams):
        """``teams``: the team chooser's scope (``organisations.teams``, team_picker.py)."""
        self.fields["location"].queryset = Location.objects.filter(organisation=organisation)
        self.fields["team"] = TeamField(
            label=self.fields["team"].label, required=False, blank_label=_("(no team)")
        )
        self.fields["team"].scope = teams
        self.fields["location"].required = False
        self.fields["location"].empty_label = _("(no location)")

    def clean_scope_fields(self, cleaned):
        scope = cleaned.get("scope")
        if scope == Scope.LOCATION and not cleaned.get("location"):
            self.add_error("location", _("Choose the location for this role."))
        if scope == Scope.TEAM and not cleaned.get("team"):
            self.add_error("team", _("Choose the team for this role."))
        if scope == Scope.ORGANISATION:
            cleaned["location"] = cleaned["team"] = None
        elif scope == Scope.LOCATION:
            cleaned["team"] = None
        elif scope == Scope.TEAM:
            cleaned["location"] = None
        return cleaned


FTE_FIELD = {
    "label": _("FTE"),
    "min_value": 0,
    "max_value": 1.2,
    "max_digits": 3,
    "decimal_places": 2,
    "initial": 0,
    "localize": True,
    "help_text": _("From 0 to 1.2, e.g. 0,8."),
    "error_messages": {
        key: _("Give an FTE from 0 to 1.2, e.g. 0,8.")
        for key in ("invalid", "min_value", "max_value", "max_digits", "max_decimal_places")
    },
}


class MembershipForm(PickerForm, NoLabelSuffix, ScopeFieldsMixin, forms.ModelForm):
    fte = forms.DecimalField(**FTE_FIELD)

    class Meta:
        model = Membership
        fields = ["role", "scope", "location", "team", "fte", "start_date", "end_date"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, organisation, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_scope(organisation, teams)

    def clean(self):
        cleaned = self.clean_scope_fields(super().clean())
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return cleaned

    def _post_clean(self):
        # The service runs the model checks; doing them here too would duplicate messages.
        pass


class InvitationForm(PickerForm, NoLabelSuffix, ScopeFieldsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEDEWERKER)
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices, initial=Scope.TEAM)
    location = forms.ModelChoiceField(label=_("Location"), queryset=Location.objects.none())
    team = TeamField(label=_("Team"), required=False)
    fte = forms.DecimalField(**FTE_FIELD)

    def __init__(self, *args, organisation, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.setup_scope(organisation, teams)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if (
            Membership.objects.active()
            .filter(organisation=self.organisation, person__email__iexact=email)
            .exists()
        ):
            raise forms.ValidationError(_("This person is already a member of the organisation."))
        return email

    def clean(self):
        return self.clean_scope_fields(super().clean())


class SettingsForm(NoLabelSuffix, forms.ModelForm):
    two_factor_roles = forms.MultipleChoiceField(
        label=_("Roles that must use two-factor log-in"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organisation
        fields = ["name", "anonymity_threshold", "two_factor_roles"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        k = self.fields["anonymity_threshold"]
        k.min_value, k.max_value = K_MIN, K_MAX
        k.widget.attrs.update(min=K_MIN, max=K_MAX)
        k.help_text = _(
            "Results are shown only for groups of at least this many respondents "
            "(%(min)s to %(max)s)."
        ) % {"min": K_MIN, "max": K_MAX}

    def clean_anonymity_threshold(self):
        k = self.cleaned_data["anonymity_threshold"]
        if not K_MIN <= k <= K_MAX:
            raise forms.ValidationError(
                _("Choose a number from %(min)s to %(max)s.") % {"min": K_MIN, "max": K_MAX}
            )
        return k


class ImportUploadForm(NoLabelSuffix, forms.Form):
    file = forms.FileField(
        label=_("File (CSV or Excel)"),
        help_text=_("Columns: naam, e-mail, locatie, team, rol, fte. At most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


def _dutch_ready(error):
    """Django's own Dutch catalogue lacks the current too-short message; give ours."""
    if error.code == "password_too_short":
        return forms.ValidationError(
            _("This password is too short: use at least %(min)s characters."),
            code=error.code,
            params={"min": (error.params or {}).get("min_length", 10)},
        )
    return error


class AcceptNewPersonForm(NoLabelSuffix, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password and not only digits."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            probe = get_user_model()(email=self.email, name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", [_dutch_ready(e) for e in error.error_list])
        return cleaned


class RetentionForm(NoLabelSuffix, forms.ModelForm):
    class Meta:
        model = RetentionPolicy
        fields = [
            "scan_answers_days",
            "comments_days",
            "invitations_days",
            "audit_days",
            "departed_days",
        ]


class EraseForm(NoLabelSuffix, forms.Form):
    KEEP, HAND_OVER = "keep", "hand_over"
    team_work = forms.ChoiceField(
        label=_("What they made for the team (actions, board items, shared knowledge)"),
        choices=[
            (KEEP, _("Keep it, without their name")),
            (HAND_OVER, _("Hand it over to another owner")),
        ],
        widget=forms.RadioSelect,
        initial=KEEP,
    )
    new_owner = forms.EmailField(
        label=_("E-mail address of the new owner"),
        required=False,
        help_text=_("Only when handing over: a current member of the organisation."),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone."), required=True)

    def clean(self):
        data = super().clean()
        if data.get("team_work") == self.HAND_OVER and not data.get("new_owner"):
            self.add_error("new_owner", _("Give the e-mail address of the new owner."))
        return data
