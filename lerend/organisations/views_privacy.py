"""Privacy pages of management (docs/privacy.md): erasure of a person with a preview and a
confirmation, the person's own request, retention periods and what they removed, and the
register of processing activities. Logic lives in privacy.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.kit.forms import apply_errors

from . import privacy, rules, services
from .decorators import require
from .forms import EraseForm, RetentionForm


def _person(request, person_id):
    """A person with (or who had) a role in this organisation."""
    person = privacy.member_of(request.organisation, person_id)
    if person is None:
        raise Http404
    return person


@require(rules.can_manage_organisation)
def overview(request):
    org = request.organisation
    query = request.GET.get("q", "")
    context = {
        "query": query,
        "people": privacy.search_people(org, query),
        "requests": privacy.open_requests(org),
    }
    return render(request, "organisations/privacy.html", context)


@require(rules.can_manage_organisation, obj=_person)
def erase(request, person):
    org = request.organisation
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        new_owner = None
        if form.cleaned_data["team_work"] == EraseForm.HAND_OVER:
            new_owner = privacy.new_owner_by_email(
                org, form.cleaned_data["new_owner"], not_person=person
            )
            if new_owner is None:
                form.add_error("new_owner", _("Nobody else in the organisation has this address."))
        if form.is_valid():
            try:
                services.erase_person(
                    organisation=org, person=person, actor=request.user, hand_over_to=new_owner
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The person's data has been erased."))
                return redirect("organisations:privacy", org.slug)
    context = {
        "person": person,
        "form": form,
        "preview": privacy.erasure_preview_in_words(organisation=org, person=person),
        "requested": privacy.has_requested(org, person),
    }
    return render(request, "organisations/privacy_erase.html", context)


@require_POST
@require(rules.can_request_erasure)
def request_erasure(request):
    privacy.request_erasure(organisation=request.organisation, person=request.user)
    messages.success(
        request,
        _("Your request has been sent to the organisation's administrator (beheerder)."),
    )
    return redirect("accounts:profile")


@require(rules.can_manage_organisation)
def retention(request):
    org = request.organisation
    form = RetentionForm(request.POST or None, instance=privacy.policy_row(org))
    if request.method == "POST" and form.is_valid():
        days = {name: form.cleaned_data[name] for name in RetentionForm.Meta.fields}
        privacy.update_retention(organisation=org, actor=request.user, **days)
        messages.success(request, _("The retention periods have been saved."))
        return redirect("organisations:retention", org.slug)
    context = {"form": form, "runs": privacy.retention_runs(org)}
    return render(request, "organisations/privacy_retention.html", context)


@require(rules.can_manage_organisation)
def register(request):
    return render(request, "organisations/privacy_register.html", {"rows": privacy.register()})
