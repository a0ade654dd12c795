"""The PD catalogue, participation ("deel wat je geleerd hebt", "heb je het toegepast?")
and the budget totals. Reads go through ``selectors``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.frameworks.registry import block
from lerend.kit.forms import apply_errors
from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import any_member, org_member, require

from .. import rules, selectors, services
from ..forms.pd import (
    AppliedForm,
    AttendedForm,
    BudgetForm,
    PdActivityForm,
    PersonChoiceForm,
    WriteupForm,
)

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _participation_for_owner(request, participation_id):
    return selectors.participation_for_owner(request.access, request.user, participation_id)


def _pd_activity_for_member(request, pd_activity_id):
    return selectors.pd_activity_for_member(request.access, pd_activity_id)


@org_member
def pd_catalogue(request):
    access = request.access
    own = {p.activity_id: p for p in selectors.own_participations(access, request.user)}
    activities = list(selectors.pd_catalogue(access))
    for activity in activities:
        activity.mine = own.get(activity.pk)
    context = {
        "activities": activities,
        "can_manage": rules.can_manage_pd_catalogue(access),
        "can_view_totals": rules.can_view_pd_totals(access),
    }
    return render(request, "learning/pd_catalogue.html", context)


def _activity_form_page(request, form, activity=None):
    return render(request, "learning/pd_form.html", {"form": form, "activity": activity})


@require(rules.can_manage_pd_catalogue)
def pd_create(request):
    form = PdActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_pd_activity(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Added to the catalogue."))
            return redirect("learning:pd_detail", request.organisation.slug, activity.pk)
    return _activity_form_page(request, form)


# The loader fetches first: another tenant's id is 404 for everyone, before any role is asked.
@require(rules.can_manage_pd_activity, obj=_pd_activity_for_member)
def pd_edit(request, activity):
    form = PdActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_pd_activity(
                activity=selectors.pd_activity_for_member(request.access, activity.pk),
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("learning:pd_detail", request.organisation.slug, activity.pk)
    return _activity_form_page(request, form, activity)


@require(any_member, obj=_pd_activity_for_member)
def pd_detail(request, activity):
    access, user = request.access, request.user
    can_manage = rules.can_manage_pd_catalogue(access)
    context = {
        "activity": activity,
        "blocks": [block(k) for k in activity.building_blocks],
        "mine": selectors.own_participations(access, user).filter(activity=activity).first(),
        "writeups": list(selectors.shared_writeups(activity)),
        "can_manage": can_manage,
        "applied": selectors.applied_summary(activity) if can_manage else None,
        "minimum": selectors.MIN_APPLIED_ANSWERS,
        "register_form": _register_form(request) if access.is_leader else None,
    }
    return render(request, "learning/pd_detail.html", context)


def _register_form(request):
    form = PersonChoiceForm(people=picker.scope(request, "learning.leader_scope"))
    # Without JavaScript the search button comes back here as a GET (see pd_register).
    return form.search_from(request.GET)


@require_POST
@require(any_member, obj=_pd_activity_for_member)
def pd_register(request, activity):
    """Register yourself, or (a leader) someone in your scope."""
    access, user = request.access, request.user
    person = user
    if request.POST.get("person") or request.POST.get(picker.SEARCH_BUTTON):
        if not access.is_leader:
            raise PermissionDenied
        form = PersonChoiceForm(request.POST, people=picker.scope(request, "learning.leader_scope"))
        if form.picker_searching():
            return picker.search_redirect(
                request, "learning:pd_detail", request.organisation.slug, activity.pk
            )
        if not form.is_valid():
            messages.error(request, _("Choose a colleague from the list."))
            return redirect("learning:pd_detail", request.organisation.slug, activity.pk)
        person = form.cleaned_data["person"]
    try:
        participation = services.register(
            access=access, actor=user, activity=activity, person=person
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("learning:pd_detail", request.organisation.slug, activity.pk)
    if person == user:
        messages.success(request, _("You are registered."))
        return redirect(
            "learning:participation_detail", request.organisation.slug, participation.pk
        )
    messages.success(request, _("%(name)s is registered.") % {"name": person.name})
    return redirect("learning:pd_detail", request.organisation.slug, activity.pk)


@require(any_member, obj=_participation_for_owner)
def participation_detail(request, participation):
    """My participation: attendance and "deel wat je geleerd hebt"."""
    form = WriteupForm(
        request.POST or None,
        initial={"writeup": participation.writeup, "shared": participation.writeup_shared},
    )
    if request.method == "POST" and form.is_valid():
        services.save_writeup(participation=participation, **form.cleaned_data)
        messages.success(
            request,
            _("Shared with your colleagues.")
            if participation.writeup_shared
            else _("Saved. Only you can read this."),
        )
        return redirect(
            "learning:participation_detail", request.organisation.slug, participation.pk
        )
    context = {
        "participation": participation,
        "activity": participation.activity,
        "form": form,
        "attended_form": AttendedForm(initial={"hours": participation.hours}),
        "is_past": participation.activity.starts_on <= timezone.localdate(),
    }
    return render(request, "learning/participation_detail.html", context)


@require_POST
@require(any_member, obj=_participation_for_owner)
def participation_attended(request, participation):
    form = AttendedForm(request.POST)
    if form.is_valid():
        try:
            services.mark_attended(participation=participation, hours=form.cleaned_data["hours"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Marked as attended."))
    else:
        messages.error(request, _("Give the hours as a number."))
    return redirect("learning:participation_detail", request.organisation.slug, participation.pk)


@require(any_member, obj=_participation_for_owner)
def participation_applied(request, participation):
    """ "Heb je het toegepast in de praktijk?" — answered by the person only."""
    initial = {"applied": participation.applied, "note": participation.applied_note}
    form = AppliedForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.answer_applied(
            participation=participation,
            applied=form.cleaned_data["applied"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Thank you. Your answer is yours; organisers see counts only."))
        return redirect(
            "learning:participation_detail", request.organisation.slug, participation.pk
        )
    return render(
        request,
        "learning/participation_applied.html",
        {"participation": participation, "activity": participation.activity, "form": form},
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@require(rules.can_view_pd_totals)
def pd_budget(request):
    """Spent against budget per team (and per person with a budget) in the leader's scope;
    organisers also set budgets here."""
    access = request.access
    year = _year(request)
    can_manage = rules.can_manage_pd_catalogue(access)
    form = None
    if can_manage:
        form = BudgetForm(
            request.POST or None,
            teams=team_picker.scope(request, "learning.budget_teams"),
            people=picker.scope(request, "learning.leader_scope"),
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.set_budget(
                    access=access,
                    actor=request.user,
                    year=year,
                    amount=form.cleaned_data["amount"],
                    hours=form.cleaned_data["hours"],
                    **form.cleaned_data["target"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Budget saved."))
                return redirect(f"{request.path}?jaar={year}")
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "year": year,
        "totals": selectors.pd_totals(access, year),
        "form": form,
        "can_manage": can_manage,
    }
    return render(request, "learning/pd_budget.html", context)
