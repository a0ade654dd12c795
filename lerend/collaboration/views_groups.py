"""Learning groups, their meetings, the guided intervision session and the methods library.

Groups and meetings are fetched through ``selectors``: a meeting (with its notes) exists
only for the group's members; a covering leader sees the group page with dates only.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.frameworks.registry import block
from lerend.kit.forms import apply_errors
from lerend.kit.site import absolute
from lerend.organisations import picker, team_picker, wording
from lerend.organisations.decorators import any_member, org_member, require
from lerend.organisations.models import Membership, Scope

from . import catalogue, ical, rules, selectors, services
from .forms import GroupForm, MeetingActionForm, MeetingForm, StepNotesForm


# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may not
# know of it. The rule declared next to each on the view decides 403.
def _group(request, group_id):
    return selectors.group_for_viewer(request.access, group_id)


def _meeting(request, meeting_id):
    return selectors.meeting_for_member(request.access, request.user, meeting_id)


def _method(request, method_key):
    method = _method_or_none(method_key)
    if method is None:
        raise Http404
    return method


def _method_or_none(key):
    try:
        return catalogue.method(key) if key else None
    except KeyError:
        return None


@org_member
def index(request):
    """My groups, groups in my scope (leaders: dates only), my visits and the calendar link."""
    access, user = request.access, request.user
    feed = selectors.feed_of(access, user)
    # The link is shown once, right after it is made: only its sha256 is kept.
    feed_url = request.session.pop(f"group-feed-{request.organisation.pk}", None)
    context = {
        "groups": list(selectors.groups_of_member(access, user)),
        "scope_groups": list(selectors.groups_in_leader_scope(access, user)),
        "visits": list(selectors.visits_visible_to(access, user)[:10]),
        "feed_url": feed_url,
        "feed_exists": feed is not None,
        "offers_lessons": wording.offers_lessons(request.organisation),
    }
    return render(request, "collaboration/index.html", context)


@require_POST
@org_member
def feed_regenerate(request):
    token = services.regenerate_feed(organisation=request.organisation, person=request.user)
    path = ical.feed_path(token)
    if path:
        request.session[f"group-feed-{request.organisation.pk}"] = absolute(path)
    messages.success(request, _("Your calendar link is ready. An older link no longer works."))
    return redirect("collaboration:index", request.organisation.slug)


@org_member
def group_create(request):
    people = picker.scope(request, "collaboration.colleagues")
    form = GroupForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Group created."))
            return redirect("collaboration:group_detail", request.organisation.slug, group.pk)
    return render(request, "collaboration/group_form.html", {"form": form, "group": None})


@require(rules.can_see_group, obj=_group)
def group_detail(request, group):
    is_member = rules.can_see_group_notes(request.access, group)
    context = {
        "group": group,
        "is_member": is_member,
        "blocks": [block(k) for k in group.building_blocks],
        "members": list(selectors.group_members(group)),
    }
    if is_member:
        meetings = list(selectors.meetings_of(group))
        for meeting in meetings:
            meeting.method = _method_or_none(meeting.method_key)
        context |= {
            "meetings": meetings,
            "history": selectors.leadership_history(group),
            "today": timezone.localdate(),
        }
    else:
        context["dates"] = list(selectors.meeting_dates(group))
    return render(request, "collaboration/group_detail.html", context)


@require(rules.can_edit_group, obj=_group)
def group_edit(request, group):
    initial = {
        "kind": group.kind,
        "name": group.name,
        "theme": group.theme,
        "building_blocks": group.building_blocks,
        "members": [m.person for m in selectors.group_members(group)],
    }
    form = GroupForm(
        request.POST or None,
        initial=initial,
        people=picker.scope(request, "collaboration.colleagues"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_group(group=group, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("collaboration:group_detail", request.organisation.slug, group.pk)
    return render(request, "collaboration/group_form.html", {"form": form, "group": group})


def _members(request, group):
    return picker.scope(request, "collaboration.group_members", group=group.pk)


@require(rules.can_plan_meeting, obj=_group)
def meeting_create(request, group):
    facilitator, case_bringer = selectors.suggest_roles(group)
    last = group.meetings.order_by("-date").first()
    initial = {
        "date": timezone.localdate(),
        "starts_at": last.starts_at if last else "15:30",
        "duration_minutes": last.duration_minutes if last else 60,
        "place": last.place if last else "",
        "method_key": last.method_key if last else "",
        "facilitator": facilitator,
        "case_bringer": case_bringer,
    }
    form = MeetingForm(request.POST or None, initial=initial, members=_members(request, group))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.plan_meeting(group=group, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Meeting planned."))
            return redirect("collaboration:meeting_detail", request.organisation.slug, meeting.pk)
    context = {
        "form": form,
        "group": group,
        "meeting": None,
        "suggested_facilitator": facilitator,
        "suggested_case_bringer": case_bringer,
    }
    return render(request, "collaboration/meeting_form.html", context)


@require(rules.can_work_on_meeting, obj=_meeting)
def meeting_detail(request, meeting):
    method = _method_or_none(meeting.method_key)
    steps = []
    if method:
        steps = [(s, meeting.step_notes.get(str(s.number), "")) for s in method.steps]
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "method": method,
        "steps": steps,
        "actions": list(meeting.actions.select_related("team", "owner").order_by("id")),
        "action_points": [p.strip() for p in meeting.action_points.splitlines() if p.strip()],
    }
    return render(request, "collaboration/meeting_detail.html", context)


@require(rules.can_work_on_meeting, obj=_meeting)
def meeting_edit(request, meeting):
    fields = (
        "date",
        "starts_at",
        "duration_minutes",
        "place",
        "agenda",
        "method_key",
        "facilitator",
        "case_bringer",
        "notes",
        "action_points",
    )
    initial = {name: getattr(meeting, name) for name in fields}
    form = MeetingForm(
        request.POST or None, initial=initial, members=_members(request, meeting.group)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("collaboration:meeting_detail", request.organisation.slug, meeting.pk)
    context = {"form": form, "group": meeting.group, "meeting": meeting}
    return render(request, "collaboration/meeting_form.html", context)


@require(rules.can_work_on_meeting, obj=_meeting)
def session(request, meeting):
    """The guided intervision session: one page per step of the method, with a timer.
    Previous/Next are submit buttons, so the step's notes are saved and the session works
    without JavaScript."""
    method = _method_or_none(meeting.method_key)
    slug = request.organisation.slug
    if method is None:
        messages.error(request, _("Choose an intervision method for this meeting first."))
        return redirect("collaboration:meeting_edit", slug, meeting.pk)
    try:
        number = int(request.GET.get("stap", "1"))
    except ValueError:
        number = 1
    number = max(1, min(len(method.steps), number))
    step = method.steps[number - 1]
    form = StepNotesForm(
        request.POST or None, initial={"text": meeting.step_notes.get(str(number), "")}
    )
    if request.method == "POST" and form.is_valid():
        services.save_step_notes(meeting=meeting, step=number, text=form.cleaned_data["text"])
        go = request.POST.get("go")
        target = {"prev": number - 1, "next": number + 1}.get(go, number)
        if go == "finish" or target > len(method.steps):
            messages.success(request, _("Session finished. The notes are with the meeting."))
            return redirect("collaboration:meeting_detail", slug, meeting.pk)
        url = f"{request.path}?stap={max(1, target)}"
        return redirect(url)
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "method": method,
        "step": step,
        "number": number,
        "total": len(method.steps),
        "form": form,
        "is_last": number == len(method.steps),
    }
    return render(request, "collaboration/session.html", context)


@require(rules.can_work_on_meeting, obj=_meeting)
def meeting_action(request, meeting):
    """ "Maak er een actie van": an action point goes onto a team board."""
    access = request.access
    teams = team_picker.scope(request, "collaboration.meeting_teams", meeting=meeting.pk)
    if teams.few == ():
        raise Http404
    bringer_team = None
    if meeting.case_bringer_id:
        found = (
            Membership.objects.active()
            .filter(
                organisation=access.organisation,
                person_id=meeting.case_bringer_id,
                scope=Scope.TEAM,
            )
            .first()
        )
        bringer_team = found.team if found else None
    initial = {
        "title": request.GET.get("punt", "")[:200],
        "owner": meeting.case_bringer or request.user,
        "team": bringer_team or teams.teams.first(),
    }
    form = MeetingActionForm(
        request.POST or None, initial=initial, members=_members(request, meeting.group), teams=teams
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_to_action(meeting=meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The action is on the team board."))
            return redirect("collaboration:meeting_detail", request.organisation.slug, meeting.pk)
    return render(request, "collaboration/meeting_action.html", {"form": form, "meeting": meeting})


@org_member
def methods(request):
    return render(request, "collaboration/methods.html", {"methods": catalogue.methods()})


@require(any_member, obj=_method)
def method_detail(request, method):
    return render(request, "collaboration/method_detail.html", {"method": method})
