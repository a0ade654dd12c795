"""The reflection journal, turning an insight into a POP goal, and the weekly reminder.

Every record is fetched through ``selectors``: someone who may not read it gets 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.frameworks.registry import block
from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import any_member, org_member, require

from .. import prompts, selectors, services
from ..forms.journal import EntryForm, ReminderForm
from ..forms.plan import GoalForm
from ..models import JournalReminder
from .sharing import _share_form, share_search

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _entry_for_viewer(request, entry_id):
    return selectors.entry_for_viewer(request.access, request.user, entry_id)


def _entry_for_owner(request, entry_id):
    return selectors.entry_for_owner(request.access, request.user, entry_id)


def _blocks_of(keys):
    return [block(k) for k in keys]


def _entry_form_page(request, form, entry=None):
    context = {
        "form": form,
        "entry": entry,
        "phase_prompts": prompts.phase_prompts(),
        "block_prompts": prompts.block_prompts(),
    }
    return render(request, "learning/entry_form.html", context)


@org_member
def entry_create(request):
    initial = {"phase": request.GET.get("fase", ""), "written_on": timezone.localdate()}
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.create_entry(
                organisation=request.organisation, owner=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved. Only you can read this entry."))
            return redirect("learning:entry_detail", request.organisation.slug, entry.pk)
    return _entry_form_page(request, form)


@require(any_member, obj=_entry_for_viewer)
def entry_detail(request, entry):
    user = request.user
    is_owner = entry.owner_id == user.pk
    context = {
        "entry": entry,
        "blocks": _blocks_of(entry.building_blocks),
        "is_owner": is_owner,
        "shares": list(selectors.shares_of(entry)) if is_owner else [],
        "share_form": _share_form(request) if is_owner else None,
    }
    return render(request, "learning/entry_detail.html", context)


@require(any_member, obj=_entry_for_owner)
def entry_edit(request, entry):
    form = EntryForm.for_entry(entry, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_entry(entry=entry, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("learning:entry_detail", request.organisation.slug, entry.pk)
    return _entry_form_page(request, form, entry)


@require_POST
@require(any_member, obj=_entry_for_owner)
def entry_delete(request, entry):
    services.delete_entry(entry=entry)
    messages.success(request, _("Entry deleted."))
    return redirect("learning:my_learning", request.organisation.slug)


@require_POST
@require(any_member, obj=_entry_for_owner)
def entry_share(request, entry):
    form = _share_form(request, request.POST)
    searched = share_search(
        form, request, "learning:entry_detail", request.organisation.slug, entry.pk
    )
    if searched:
        return searched
    if form.is_valid():
        try:
            services.share(
                access=request.access,
                owner=request.user,
                entry=entry,
                **form.cleaned_data["target"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Shared. You can take it back at any time."))
    else:
        messages.error(request, _("Choose someone to share with."))
    return redirect("learning:entry_detail", request.organisation.slug, entry.pk)


@require(any_member, obj=_entry_for_owner)
def entry_to_goal(request, entry):
    """Turn an insight from an entry into a goal in this year's POP."""
    user = request.user
    initial = {
        "title": entry.title or entry.body[:200],
        "description": entry.body,
        "building_blocks": entry.building_blocks,
    }
    form = GoalForm(request.POST or None, initial=initial, with_end=False)
    if request.method == "POST" and form.is_valid():
        plan = services.get_or_create_plan(
            organisation=request.organisation, owner=user, year=timezone.localdate().year
        )
        try:
            services.add_goal(plan=plan, source_entry=entry, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The insight is now a goal in your POP."))
            return redirect("learning:plan_detail", request.organisation.slug, plan.pk)
    return render(request, "learning/goal_form.html", {"form": form, "entry": entry})


@org_member
def reminder(request):
    org, user = request.organisation, request.user
    current = JournalReminder.objects.filter(organisation=org, person=user).first()
    initial = {"weekday": str(current.weekday) if current else ""}
    form = ReminderForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        weekday = form.cleaned_data["weekday"]
        services.set_reminder(
            organisation=org, person=user, weekday=int(weekday) if weekday else None
        )
        messages.success(
            request, _("Reminder saved.") if weekday else _("You will get no reminders.")
        )
        return redirect("learning:my_learning", org.slug)
    return render(request, "learning/reminder.html", {"form": form})
