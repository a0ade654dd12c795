"""Who may see which group, meeting, visit and lesson design. One function per question;
every view, list and feed goes through these.

Visits: a visit is the observed person's. The observed and the observers see it; anyone
else only through a VisitShare the observed made, and only while that share is live: the
person it was shared with and the observed person both still work in the organisation (see
``_live_visit_share``). A role (leader, coach, beheerder) never grants access by itself. A
visit someone may not read does not exist for them: 404.

Groups: members see everything of their group. Leaders whose scope covers a member's team
or location see that the group exists, who is in it and when it meets — never the agenda,
notes, action points or who brought a case: intervision is confidential to the group.
Everyone else: 404.
"""

import datetime

from django.db.models import BooleanField, Case, Count, Exists, Min, OuterRef, Q, When
from django.http import Http404
from django.utils import timezone

from lerend.accounts.models import User
from lerend.kit.tokens import hash_token
from lerend.organisations.models import Location, Membership, Scope, Team

from . import rules
from .models import (
    CalendarFeed,
    GroupMeeting,
    GroupMembership,
    LearningGroup,
    LessonDesign,
    Visit,
    VisitShare,
    VisitStatus,
)

# --- groups ---------------------------------------------------------------------------------


def groups_of_member(access, user):
    return (
        LearningGroup.objects.filter(organisation=access.organisation, memberships__person=user)
        .distinct()
        .order_by("name", "id")
    )


def _covered_people(access):
    """Ids of people whose team or location the leader covers (a subquery)."""
    org = access.organisation
    if access.covers_organisation():
        return Membership.objects.active().filter(organisation=org).values("person_id")
    team_ids = [
        t.id
        for t in Team.objects.filter(organisation=org).only("id", "location_id")
        if access.covers_team(t)
    ]
    location_ids = [
        loc.id
        for loc in Location.objects.filter(organisation=org).only("id")
        if access.covers_location(loc.id)
    ]
    return (
        Membership.objects.active()
        .filter(organisation=org)
        .filter(Q(team_id__in=team_ids) | Q(location_id__in=location_ids))
        .values("person_id")
    )


def groups_in_leader_scope(access, user):
    """Groups with a member in the leader's scope that the leader is not a member of."""
    if not access.is_leader:
        return LearningGroup.objects.none()
    return (
        LearningGroup.objects.filter(
            organisation=access.organisation, memberships__person_id__in=_covered_people(access)
        )
        .exclude(memberships__person=user)
        .distinct()
        .order_by("name", "id")
    )


def group_for_viewer(access, group_id) -> LearningGroup:
    """A group its members and the leaders covering a member see (``rules.can_see_group``);
    for everyone else it does not exist: 404."""
    group = (
        LearningGroup.objects.filter(organisation=access.organisation, pk=group_id)
        .annotate(
            viewer_is_member=Exists(
                GroupMembership.objects.filter(group=OuterRef("pk"), person_id=access.person_id)
            )
        )
        .first()
    )
    if group is None or not rules.can_see_group(access, group):
        raise Http404
    return group


def group_members(group):
    return group.memberships.select_related("person").order_by("person__name", "id")


def meetings_of(group):
    return group.meetings.select_related("facilitator", "case_bringer").order_by(
        "-date", "-starts_at", "-id"
    )


def meeting_dates(group):
    """What a covering leader may see of the meetings: date, time and nothing else."""
    return group.meetings.order_by("-date", "-starts_at").values("date", "starts_at")


def meeting_for_member(access, user, meeting_id) -> GroupMeeting:
    """Meetings, with their notes, exist only for the group's members."""
    meeting = (
        GroupMeeting.objects.select_related("group", "facilitator", "case_bringer")
        .filter(
            group__organisation=access.organisation,
            group__memberships__person=user,
            pk=meeting_id,
        )
        .first()
    )
    if meeting is None:
        raise Http404
    # Found through the person's membership; rules.is_group_member reads it.
    meeting.group.viewer_is_member = True  # type: ignore[attr-defined]  # a mark, not a field
    return meeting


def leadership_history(group) -> list[dict]:
    """Per member: how often they facilitated and brought a case, and when they last led —
    distributed leadership made visible. Members who never led come first."""
    members = list(group_members(group))
    meetings = list(meetings_of(group))
    rows = []
    for m in members:
        led = [x.date for x in meetings if x.facilitator_id == m.person_id]
        brought = [x.date for x in meetings if x.case_bringer_id == m.person_id]
        rows.append(
            {
                "person": m.person,
                "facilitated": len(led),
                "brought": len(brought),
                "last_led": max(led) if led else None,
            }
        )
    rows.sort(key=lambda r: (r["last_led"] is not None, r["last_led"] or 0, r["person"].name))
    return rows


def _least_recent(group, field: str, exclude=None):
    """The member who did ``field`` least recently (never counts as longest ago); ties go
    to the one who did it least often, then by name. ``exclude`` (a person) is passed over
    unless they are the only member."""
    members = [m.person for m in group_members(group)]
    if exclude is not None and len(members) > 1:
        members = [p for p in members if p.pk != exclude.pk]
    if not members:
        return None
    last: dict[int, tuple] = {}
    for person_id, date in group.meetings.exclude(**{f"{field}__isnull": True}).values_list(
        f"{field}_id", "date"
    ):
        count, latest = last.get(person_id, (0, None))
        last[person_id] = (count + 1, max(latest, date) if latest else date)

    def order(person):
        count, latest = last.get(person.pk, (0, None))
        return (latest is not None, latest or 0, count, person.name, person.pk)

    return min(members, key=order)


def suggest_facilitator(group):
    return _least_recent(group, "facilitator")


def suggest_case_bringer(group, facilitator=None):
    return _least_recent(group, "case_bringer", exclude=facilitator)


def suggest_roles(group):
    """The rotation's proposal for the next meeting: (facilitator, case bringer), two
    different people whenever the group has two members."""
    facilitator = suggest_facilitator(group)
    return facilitator, suggest_case_bringer(group, facilitator=facilitator)


def feed_of(access, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(organisation=access.organisation, person=user).first()


def feed_by_token(token: str) -> CalendarFeed | None:
    if not token:
        return None
    return (
        CalendarFeed.objects.select_related("person", "organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )


def meetings_for_feed(feed):
    """Meetings of the groups the feed's owner belongs to now."""
    return (
        GroupMeeting.objects.filter(
            group__organisation=feed.organisation, group__memberships__person=feed.person
        )
        .select_related("group")
        .order_by("date", "starts_at", "id")
        .distinct()
    )


# --- visits ---------------------------------------------------------------------------------


def _visit_party(user) -> Q:
    return Q(observed=user) | Q(observers=user)


def _recipient_here() -> Exists:
    """The share's person has an active membership in the visit's organisation (a filter
    on VisitShare)."""
    return Exists(
        Membership.objects.active().filter(
            organisation_id=OuterRef("visit__organisation_id"), person_id=OuterRef("person_id")
        )
    )


def _observed_here() -> Exists:
    """The visit's observed person has an active membership in its organisation."""
    return Exists(
        Membership.objects.active().filter(
            organisation_id=OuterRef("visit__organisation_id"),
            person_id=OuterRef("visit__observed_id"),
        )
    )


def _live_visit_share() -> Q:
    """VisitShare rows that grant reading NOW (correlated subqueries: still one query).

    The observed shared with a colleague. When that colleague leaves the organisation, or
    the observed person does, the share pauses instead of reading on. Nothing is deleted:
    when the person comes back the share applies again, and revoking stays the observed
    person's act."""
    return Q(_recipient_here()) & Q(_observed_here())


def _shared_live_with(user) -> Exists:
    """A filter on Visit: a live share of it to ``user``."""
    return Exists(
        VisitShare.objects.filter(_live_visit_share(), visit_id=OuterRef("pk"), person=user)
    )


def visits_visible_to(access, user):
    """Visits ``user`` is observed in, observes, or that the observed shared with them
    (while the share is live)."""
    ids = Visit.objects.filter(
        Q(_visit_party(user)) | Q(_shared_live_with(user)), organisation=access.organisation
    ).values("pk")
    return (
        Visit.objects.filter(pk__in=ids)
        .select_related("observed", "team")
        .prefetch_related("observers")
        .order_by("-date", "-id")
    )


def visit_for_viewer(access, visit_id) -> Visit:
    """A visit for those who may know of it (``rules.can_see_visit``); 404 for the rest."""
    visit = (
        Visit.objects.filter(organisation=access.organisation, pk=visit_id)
        .select_related("observed", "team")
        .prefetch_related("observers")
        .first()
    )
    if visit is None or not rules.can_see_visit(access, visit):
        raise Http404
    return visit


def observations_of(visit) -> dict[str, object]:
    return {o.item_key: o for o in visit.observations.all()}


def _flag(condition) -> Case:
    return Case(When(condition, then=True), default=False, output_field=BooleanField())


def shares_of(visit):
    """All of the observed person's shares of ``visit`` — paused ones too, so they keep
    seeing what they shared. Each has ``live``, ``recipient_here`` and ``observed_here``
    (why it is paused). One query."""
    return (
        visit.shares.select_related("person")
        .annotate(
            live=_flag(_live_visit_share()),
            recipient_here=_flag(_recipient_here()),
            observed_here=_flag(_observed_here()),
        )
        .order_by("id")
    )


def visit_share_for_observed(access, user, visit_share_id) -> VisitShare:
    share = (
        VisitShare.objects.select_related("visit")
        .filter(visit__organisation=access.organisation, visit__observed=user, pk=visit_share_id)
        .first()
    )
    if share is None:
        raise Http404
    return share


def share_target_people(access, user, visit=None):
    """Any active colleague in the organisation: the observed decides whom to show. Never
    the observed themself, nor (given ``visit``) its observers: they see it already."""
    people = Membership.objects.active().filter(organisation=access.organisation)
    targets = User.objects.filter(pk__in=people.values("person_id"), is_active=True).exclude(
        pk=user.pk
    )
    if visit is not None:
        targets = targets.exclude(pk=visit.observed_id).exclude(pk__in=visit.observers.values("pk"))
    return targets.order_by("name", "id")


def colleagues(access):
    """Everyone active in the organisation — to pick members, observers, participants."""
    people = Membership.objects.active().filter(organisation=access.organisation)
    return User.objects.filter(pk__in=people.values("person_id"), is_active=True).order_by(
        "name", "id"
    )


# --- lesson designs -------------------------------------------------------------------------


def designs_visible_to(access, user):
    """Designs ``user`` made or took part in."""
    ids = LessonDesign.objects.filter(
        Q(participants=user) | Q(created_by=user), organisation=access.organisation
    ).values("pk")
    return LessonDesign.objects.filter(pk__in=ids).prefetch_related("participants")


def design_for_viewer(access, user, design_id) -> LessonDesign:
    design = designs_visible_to(access, user).filter(pk=design_id).first()
    if design is None:
        raise Http404
    return design


# --- a person's own overview, a leader's counts and the own-data export ----------------------


def groups_of(person, organisation):
    """The groups ``person`` is a member of, each with ``next_meeting`` (the first meeting
    date from today on, or None). One query, however many groups."""
    today = timezone.localdate()
    own = GroupMembership.objects.filter(person=person).values("group_id")
    return (
        LearningGroup.objects.filter(organisation=organisation, pk__in=own)
        .annotate(next_meeting=Min("meetings__date", filter=Q(meetings__date__gte=today)))
        .order_by("name", "id")
    )


def visits_of(person, organisation):
    """Visits in which ``person`` is the observed or an observer — the parties, never those
    the visit was only shared with. One query; ``observed`` is joined."""
    ids = Visit.objects.filter(_visit_party(person), organisation=organisation).values("pk")
    return Visit.objects.filter(pk__in=ids).select_related("observed").order_by("-date", "-id")


def visits_held_per_team(organisation, team_ids, year) -> dict[int, int]:
    """Team id -> number of held visits in ``year`` whose observed person is an active member
    of that team. Counts only: which visit, whom and what was said stay with the parties.
    Teams without visits are missing from the result. One query."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    held = Q(
        person__visits_received__organisation=organisation,
        person__visits_received__status=VisitStatus.HELD,
        person__visits_received__date__range=(start, end),
    )
    rows = (
        Membership.objects.active()
        .filter(organisation=organisation, scope=Scope.TEAM, team_id__in=list(team_ids))
        .values("team_id")
        .annotate(n=Count("person__visits_received", filter=held, distinct=True))
    )
    return {r["team_id"]: r["n"] for r in rows if r["n"]}


def _iso(value):
    return value.isoformat() if value else None


def own_collaboration_data(person) -> dict:
    """What collaboration holds that is ``person``'s, for their own-data download, across
    organisations: their groups with meeting dates only (the notes belong to the group),
    and every visit they are a party to with its observations, tops and tips (and, for the
    observed person, whom they shared it with)."""
    groups = (
        LearningGroup.objects.filter(
            pk__in=GroupMembership.objects.filter(person=person).values("group_id")
        )
        .select_related("organisation")
        .prefetch_related("meetings")
        .order_by("organisation__name", "name", "id")
    )
    ids = Visit.objects.filter(_visit_party(person)).values("pk")
    visits = (
        Visit.objects.filter(pk__in=ids)
        .select_related("organisation", "observed")
        .prefetch_related("observers", "observations", "shares__person")
        .order_by("-date", "-id")
    )
    return {
        "learning_groups": [
            {
                "organisation": g.organisation.name,
                "name": g.name,
                "kind": g.kind,
                "meeting_dates": sorted(_iso(m.date) for m in g.meetings.all()),
            }
            for g in groups
        ],
        "visits": [
            {
                "organisation": v.organisation.name,
                "kind": v.kind,
                "date": _iso(v.date),
                "status": v.status,
                "my_part": "observed" if v.observed_id == person.pk else "observer",
                "observed": v.observed.name,
                "observers": [o.name for o in v.observers.all()],
                "external_observers": v.external_observers,
                "focus_question": v.focus_question,
                "tops": v.tops,
                "tips": v.tips,
                "feedback_notes": v.feedback_notes,
                "self_evaluation": v.self_evaluation,
                "programme": v.programme,
                "report": v.report,
                "observations": [
                    {"item": o.item_text, "level": o.level, "note": o.note}
                    for o in v.observations.all()
                ],
                # Who the observed person let read it: theirs to know, nobody else's.
                "shared_with": (
                    [share.person.name for share in v.shares.all()]
                    if v.observed_id == person.pk
                    else []
                ),
            }
            for v in visits
        ],
    }
