"""My learning, the journal, sharing, reminders and the leaders' overview. The POP and
review conversations live in ``views_plan``.

Every record is fetched through ``selectors``: someone who may not read it gets 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.collaboration import selectors as collaboration_selectors
from lerend.frameworks.registry import block
from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import org_member, require

from . import prompts, rules, selectors, services
from .forms import EntryForm, GoalForm, ReminderForm, ShareForm
from .models import JournalReminder


def _share_form(request, data=None):
    access = request.access
    return ShareForm(
        data,
        people=list(selectors.share_target_people(access, request.user)),
        teams=list(selectors.share_target_teams(access)),
        roles=selectors.share_target_roles(access, request.user),
    )


def _blocks_of(keys):
    return [block(k) for k in keys]


@org_member
def my_learning(request):
    """My journal and POP, my PD activities and budget, my feedback questions, my teams'
    reflections, my learning groups and visits, and what others shared with me. Everything
    on it is mine or my team's."""
    access, user = request.access, request.user
    entries = list(selectors.own_entries(access, user)[:20])
    for entry in entries:
        entry.blocks = _blocks_of(entry.building_blocks)
    context = {
        "entries": entries,
        "plan": selectors.current_pop(access, user),
        "year": timezone.localdate().year,
        "shared_entries": list(selectors.entries_shared_with(access, user)[:50]),
        "shared_plans": list(selectors.plans_shared_with(access, user)),
        "reviews": list(selectors.reviews_visible_to(access, user)[:20]),
        "can_view_overview": rules.can_view_team_overview(access),
        "participations": list(selectors.own_participations(access, user)[:10]),
        "budget": selectors.own_pd_budget(access, user, timezone.localdate().year),
        "feedback_requests": list(selectors.own_feedback_requests(access, user)[:5]),
        "invites": list(selectors.pending_invites(access, user)),
        "reflections": list(selectors.reflections_visible_to(access)[:5]),
        # Through collaboration's selectors: only groups I am in, only visits I am a party to.
        "groups": list(collaboration_selectors.groups_of(user, request.organisation)[:20]),
        "visits": list(collaboration_selectors.visits_of(user, request.organisation)[:10]),
    }
    return render(request, "learning/my_learning.html", context)


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


@org_member
def entry_detail(request, entry_id):
    access, user = request.access, request.user
    entry = selectors.entry_for_viewer(access, user, entry_id)
    is_owner = entry.owner_id == user.pk
    context = {
        "entry": entry,
        "blocks": _blocks_of(entry.building_blocks),
        "is_owner": is_owner,
        "shares": list(selectors.shares_of(entry)) if is_owner else [],
        "share_form": _share_form(request) if is_owner else None,
    }
    return render(request, "learning/entry_detail.html", context)


@org_member
def entry_edit(request, entry_id):
    entry = selectors.entry_for_owner(request.access, request.user, entry_id)
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
@org_member
def entry_delete(request, entry_id):
    entry = selectors.entry_for_owner(request.access, request.user, entry_id)
    services.delete_entry(entry=entry)
    messages.success(request, _("Entry deleted."))
    return redirect("learning:my_learning", request.organisation.slug)


@require_POST
@org_member
def entry_share(request, entry_id):
    entry = selectors.entry_for_owner(request.access, request.user, entry_id)
    form = _share_form(request, request.POST)
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


@require_POST
@org_member
def share_revoke(request, share_id):
    share = selectors.share_for_owner(request.access, request.user, share_id)
    slug = request.organisation.slug
    target = (
        ("learning:entry_detail", share.entry_id)
        if share.entry_id
        else ("learning:plan_detail", share.plan_id)
    )
    services.revoke_share(share=share)
    messages.success(request, _("No longer shared."))
    return redirect(target[0], slug, target[1])


@org_member
def entry_to_goal(request, entry_id):
    """Turn an insight from an entry into a goal in this year's POP."""
    access, user = request.access, request.user
    entry = selectors.entry_for_owner(access, user, entry_id)
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


@require(rules.can_view_team_overview)
def team_overview(request):
    """Counts per team in the leader's scope, plus what was shared with this leader."""
    access, user = request.access, request.user
    context = {
        "rows": selectors.team_counts(access),
        "year": timezone.localdate().year,
        "minimum": selectors.MIN_TEAM_SIZE_FOR_COUNTS,
        "shared_entries": list(selectors.entries_shared_with(access, user)[:50]),
        "shared_plans": list(selectors.plans_shared_with(access, user)),
    }
    return render(request, "learning/team_overview.html", context)
