"""Who may read which personal learning record. One function per question; every view,
export and overview goes through these, so there is one rule.

The rule: a record is its owner's. Someone else reads it only through a Share the owner
made — to that person, or to a team the reader is a member of. A role (leader, coach,
beheerder) never grants access by itself. A record someone may not read does not exist
for them: 404, never 403.
"""

import datetime

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, Sum, When
from django.http import Http404
from django.utils import timezone

from lerend.collaboration import selectors as collaboration_selectors
from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Membership, Role, Scope, Team

from .models import (
    Applied,
    DevelopmentPlan,
    Evidence,
    FeedbackInvite,
    FeedbackRequest,
    JournalEntry,
    Participation,
    ParticipationStatus,
    PdActivity,
    PdBudget,
    PlanGoal,
    PlannedActivity,
    ReviewConversation,
    Share,
    TeamReflection,
)

# Below this many people a team's counts would show one person's habits (who writes, who
# shares): with two people, a "1" points at someone. So small teams get no counts at all.
MIN_TEAM_SIZE_FOR_COUNTS = 3

SHARE_TARGET_ROLES = (Role.COACH, *LEADER_ROLES)


def _live_share() -> Q:
    """Share rows that count NOW (a filter on Share; correlated, so still one query).

    A share is made to a coach/leader because their role covers the owner, or to a team the
    owner is in. When that stops being true — the coach's role ended, the leader moved to
    another location, the owner left the team or the organisation — the share pauses instead
    of reading on.
    Nothing is deleted: when the person returns to the role the share applies again, and
    revoking stays the owner's act."""
    # The owner's active memberships in the share's organisation (two levels up: Share).
    owner_here = Membership.objects.active().filter(
        organisation_id=OuterRef(OuterRef("organisation_id")),
        person_id=OuterRef(OuterRef("owner_id")),
    )
    # The recipient's covering memberships, each matched against where the owner stands.
    covering = (
        Membership.objects.active()
        .filter(
            organisation_id=OuterRef("organisation_id"),
            person_id=OuterRef("person_id"),
            role__in=SHARE_TARGET_ROLES,
        )
        .filter(
            Q(Exists(owner_here), scope=Scope.ORGANISATION)
            | Q(
                Exists(
                    owner_here.filter(
                        Q(scope=Scope.LOCATION, location_id=OuterRef("location_id"))
                        | Q(scope=Scope.TEAM, team__location_id=OuterRef("location_id"))
                    )
                ),
                scope=Scope.LOCATION,
            )
            | Q(
                Exists(owner_here.filter(scope=Scope.TEAM, team_id=OuterRef("team_id"))),
                scope=Scope.TEAM,
            )
        )
    )
    owner_in_team = Membership.objects.active().filter(
        person_id=OuterRef("owner_id"), scope=Scope.TEAM, team_id=OuterRef("team_id")
    )
    return Q(Exists(covering), person__isnull=False) | Q(Exists(owner_in_team), team__isnull=False)


def _shared_with(access, user) -> Q:
    """Live shares addressed to ``user`` directly or to one of their teams."""
    return (Q(person=user) | Q(team_id__in=access.team_ids)) & _live_share()


def _visible(model_filter: str, access, user) -> Q:
    shares = Share.objects.filter(_shared_with(access, user), **{model_filter: OuterRef("pk")})
    return Q(owner=user) | Q(Exists(shares))


# --- journal ---------------------------------------------------------------------------------


def entries_visible_to(access, user):
    """Every journal entry ``user`` may read in ``access.organisation``: their own and those
    shared with them."""
    return JournalEntry.objects.filter(
        _visible("entry", access, user), organisation=access.organisation
    ).select_related("owner")


def own_entries(access, user):
    return JournalEntry.objects.filter(organisation=access.organisation, owner=user)


def entries_shared_with(access, user):
    """Entries of others shared with ``user`` (personally or with their team)."""
    return entries_visible_to(access, user).exclude(owner=user)


def entry_for_viewer(access, user, entry_id) -> JournalEntry:
    entry = entries_visible_to(access, user).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


def entry_for_owner(access, user, entry_id) -> JournalEntry:
    """Only the owner changes an entry; for everyone else it does not exist."""
    entry = own_entries(access, user).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


# --- development plan ------------------------------------------------------------------------


def plans_visible_to(access, user):
    return DevelopmentPlan.objects.filter(
        _visible("plan", access, user), organisation=access.organisation
    ).select_related("owner")


def plans_shared_with(access, user):
    return plans_visible_to(access, user).exclude(owner=user)


def pop_for_viewer(access, user, plan_id) -> DevelopmentPlan:
    plan = plans_visible_to(access, user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def pop_for_owner(access, user, plan_id) -> DevelopmentPlan:
    plan = DevelopmentPlan.objects.filter(
        organisation=access.organisation, owner=user, pk=plan_id
    ).first()
    if plan is None:
        raise Http404
    return plan


def current_pop(access, user, year=None) -> DevelopmentPlan | None:
    year = year or timezone.localdate().year
    return DevelopmentPlan.objects.filter(
        organisation=access.organisation, owner=user, year=year
    ).first()


def own_plans(access, user):
    return DevelopmentPlan.objects.filter(organisation=access.organisation, owner=user)


def goal_for_owner(access, user, goal_id) -> PlanGoal:
    goal = (
        PlanGoal.objects.select_related("plan")
        .filter(plan__organisation=access.organisation, plan__owner=user, pk=goal_id)
        .first()
    )
    if goal is None:
        raise Http404
    return goal


def activity_for_owner(access, user, activity_id) -> PlannedActivity:
    activity = (
        PlannedActivity.objects.select_related("goal__plan")
        .filter(
            goal__plan__organisation=access.organisation, goal__plan__owner=user, pk=activity_id
        )
        .first()
    )
    if activity is None:
        raise Http404
    return activity


def evidence_for_viewer(access, user, evidence_id) -> Evidence:
    """Evidence is readable by whoever may read its plan."""
    evidence = (
        Evidence.objects.select_related("plan")
        .filter(plan__in=plans_visible_to(access, user), pk=evidence_id)
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def evidence_for_owner(access, user, evidence_id) -> Evidence:
    evidence = (
        Evidence.objects.select_related("plan")
        .filter(plan__organisation=access.organisation, plan__owner=user, pk=evidence_id)
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def plan_goals(plan):
    return plan.goals.prefetch_related("activities").order_by("id")


# --- review conversations --------------------------------------------------------------------


def reviews_visible_to(access, user):
    """Review conversations ``user`` takes part in: as the plan's owner or as the reviewer
    the owner chose. Sharing a plan with someone does not show them its conversations."""
    return ReviewConversation.objects.filter(
        Q(plan__owner=user) | Q(reviewer=user), plan__organisation=access.organisation
    ).select_related("plan__owner", "reviewer")


def review_for_viewer(access, user, review_id) -> ReviewConversation:
    review = reviews_visible_to(access, user).filter(pk=review_id).first()
    if review is None:
        raise Http404
    return review


def reviews_to_confirm(access, user):
    """Conversations with notes that ``user`` has not confirmed yet."""
    return (
        reviews_visible_to(access, user)
        .exclude(notes="")
        .filter(
            Q(plan__owner=user, owner_confirmed_at__isnull=True)
            | Q(reviewer=user, reviewer_confirmed_at__isnull=True)
        )
    )


# --- sharing ---------------------------------------------------------------------------------


def shares_of(record):
    """All of the owner's shares of ``record`` — paused ones too, each with ``live``: the
    owner keeps seeing what they shared, and that a share counts for nothing right now."""
    return (
        record.shares.select_related("person", "team")
        .annotate(
            live=Case(When(_live_share(), then=True), default=False, output_field=BooleanField())
        )
        .order_by("id")
    )


def share_for_owner(access, user, share_id) -> Share:
    share = Share.objects.filter(organisation=access.organisation, owner=user, pk=share_id).first()
    if share is None:
        raise Http404
    return share


def _covering_memberships(access, user):
    return (
        Membership.objects.active()
        .filter(organisation=access.organisation, role__in=SHARE_TARGET_ROLES)
        .filter(
            Q(scope=Scope.ORGANISATION)
            | Q(scope=Scope.LOCATION, location_id__in=access.location_ids)
            | Q(scope=Scope.TEAM, team_id__in=access.team_ids)
        )
        .exclude(person=user)
    )


def share_target_people(access, user):
    """Coaches and leaders whose scope covers ``user`` (their teams, locations, or the whole
    organisation) — the people an owner may share a record with or choose as reviewer."""
    from lerend.accounts.models import User

    return User.objects.filter(
        pk__in=_covering_memberships(access, user).values("person_id"), is_active=True
    ).order_by("name", "id")


def share_target_roles(access, user) -> dict[int, str]:
    """Person id -> their covering roles, e.g. "Coach", so the owner knows whom they pick."""
    roles: dict[int, set[str]] = {}
    for person_id, role in _covering_memberships(access, user).values_list("person_id", "role"):
        roles.setdefault(person_id, set()).add(str(Role(role).label))
    return {pk: ", ".join(sorted(labels)) for pk, labels in roles.items()}


def share_target_teams(access):
    """The owner's own teams."""
    return Team.objects.filter(organisation=access.organisation, pk__in=access.team_ids)


# --- leader overview -------------------------------------------------------------------------


def teams_in_scope(access):
    """Teams a leader's memberships cover."""
    teams = Team.objects.filter(organisation=access.organisation).select_related("location")
    return [team for team in teams if access.covers_team(team)]


def team_counts(access, year=None) -> list[dict]:
    """Per team in the leader's scope: members, journal entries written, POPs shared,
    review conversations held, PD activities attended and their hours, feedback requests
    made and visits held (the team member being the observed) this year. Counts only —
    never which person, never content.
    Teams below MIN_TEAM_SIZE_FOR_COUNTS get ``counts=None``."""
    year = year or timezone.localdate().year
    teams = teams_in_scope(access)
    team_ids = [t.id for t in teams]
    pairs = set(
        Membership.objects.active()
        .filter(organisation=access.organisation, scope=Scope.TEAM, team_id__in=team_ids)
        .values_list("team_id", "person_id")
    )
    people = {p for _, p in pairs}
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    org = access.organisation
    entries = dict(
        JournalEntry.objects.filter(
            organisation=org, owner_id__in=people, written_on__range=(start, end)
        )
        .values_list("owner_id")
        .annotate(n=Count("id"))
        .values_list("owner_id", "n")
    )
    shared_plans = dict(
        # A paused share (recipient no longer covers the owner) is no share to count.
        DevelopmentPlan.objects.filter(
            Exists(Share.objects.filter(_live_share(), plan=OuterRef("pk"))),
            organisation=org,
            owner_id__in=people,
            year=year,
        )
        .values_list("owner_id")
        .annotate(n=Count("id", distinct=True))
        .values_list("owner_id", "n")
    )
    reviews = dict(
        ReviewConversation.objects.filter(
            plan__organisation=org,
            plan__owner_id__in=people,
            held_on__range=(start, end),
            held_on__lte=timezone.localdate(),
        )
        .values_list("plan__owner_id")
        .annotate(n=Count("id"))
        .values_list("plan__owner_id", "n")
    )
    followed = {
        r["person_id"]: (r["n"], r["hours"] or 0)
        for r in Participation.objects.filter(
            activity__organisation=org,
            person_id__in=people,
            status=ParticipationStatus.ATTENDED,
            activity__starts_on__range=(start, end),
        )
        .values("person_id")
        .annotate(n=Count("id"), hours=Sum("hours"))
    }
    feedback = dict(
        FeedbackRequest.objects.filter(
            organisation=org, requester_id__in=people, created_at__year=year
        )
        .values_list("requester_id")
        .annotate(n=Count("id"))
        .values_list("requester_id", "n")
    )
    visits = collaboration_selectors.visits_held_per_team(org, team_ids, year)
    rows = []
    for team in teams:
        members = {p for t, p in pairs if t == team.id}
        row = {"team": team, "size": len(members), "counts": None}
        if len(members) >= MIN_TEAM_SIZE_FOR_COUNTS:
            row["counts"] = {
                "entries": sum(entries.get(p, 0) for p in members),
                "plans_shared": sum(shared_plans.get(p, 0) for p in members),
                "reviews": sum(reviews.get(p, 0) for p in members),
                "activities": sum(followed.get(p, (0, 0))[0] for p in members),
                "hours": sum((followed.get(p, (0, 0))[1] for p in members), 0),
                "feedback_requests": sum(feedback.get(p, 0) for p in members),
                "visits": visits.get(team.id, 0),
            }
        rows.append(row)
    return rows


# --- professional development ----------------------------------------------------------------

# Organisers see how many answered "yes / partly / no" to "did you apply it?" per activity,
# but only from this many answers on: with one or two, a count of "no" points at a person.
MIN_APPLIED_ANSWERS = 3


def pd_catalogue(access):
    return PdActivity.objects.filter(organisation=access.organisation)


def pd_activity_for_member(access, pd_activity_id) -> PdActivity:
    """Any member reads the catalogue; another tenant's activity does not exist."""
    activity = pd_catalogue(access).filter(pk=pd_activity_id).first()
    if activity is None:
        raise Http404
    return activity


def own_participations(access, user):
    return Participation.objects.filter(
        activity__organisation=access.organisation, person=user
    ).select_related("activity")


def participation_for_owner(access, user, participation_id) -> Participation:
    """A participation (its write-up draft and its "applied?" answer) is the person's own:
    for a leader, even the one who registered them, it does not exist."""
    participation = own_participations(access, user).filter(pk=participation_id).first()
    if participation is None:
        raise Http404
    return participation


def shared_writeups(activity):
    """What participants chose to share with colleagues ("deel wat je geleerd hebt")."""
    return (
        activity.participations.filter(writeup_shared=True)
        .exclude(writeup="")
        .select_related("person")
        .order_by("-writeup_at", "-id")
    )


def applied_summary(activity) -> dict | None:
    """Counts per answer to "did you apply it?", or None below MIN_APPLIED_ANSWERS. One
    query. Never the explanations: those stay with the person who wrote them."""
    counts = dict(
        activity.participations.exclude(applied="")
        .values_list("applied")
        .annotate(n=Count("id"))
        .values_list("applied", "n")
    )
    total = sum(counts.values())
    if total < MIN_APPLIED_ANSWERS:
        return None
    return {
        "total": total,
        "rows": [(value, label, counts.get(value, 0)) for value, label in Applied.choices],
    }


def participations_to_answer(access, user):
    """Participations for which "did you apply it?" was asked and not answered yet."""
    return own_participations(access, user).filter(applied_asked_on__isnull=False, applied="")


def _covered_location_ids(access) -> set[int]:
    return {
        m.location_id
        for m in access.memberships
        if m.role in LEADER_ROLES and m.scope == Scope.LOCATION
    }


def people_in_scope(access):
    """Active people a leader covers: everyone for an organisation-wide leader, else the
    people in the leader's teams and locations. Empty for non-leaders."""
    from lerend.accounts.models import User

    memberships = Membership.objects.active().filter(organisation=access.organisation)
    if not access.covers_organisation():
        team_ids = [t.id for t in teams_in_scope(access)]
        location_ids = _covered_location_ids(access)
        memberships = memberships.filter(
            Q(scope=Scope.TEAM, team_id__in=team_ids)
            | Q(scope=Scope.LOCATION, location_id__in=location_ids)
        )
    return User.objects.filter(pk__in=memberships.values("person_id"), is_active=True).order_by(
        "name", "id"
    )


def _year_range(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _spent_per_person(org, people, year) -> dict[int, tuple]:
    """person id -> (cost, hours) of their participations in activities of ``year``."""
    rows = (
        Participation.objects.filter(
            activity__organisation=org,
            person_id__in=people,
            activity__starts_on__range=_year_range(year),
        )
        .values("person_id")
        .annotate(cost=Sum("cost_share"), hours=Sum("hours"))
    )
    return {r["person_id"]: (r["cost"] or 0, r["hours"] or 0) for r in rows}


def pd_totals(access, year) -> dict:
    """Money and hours spent per team in the leader's scope (the members' participations in
    activities of ``year``) against the team budget, and the personal budgets of people in
    scope against what they spent. A fixed number of queries, however many teams."""
    org = access.organisation
    teams = teams_in_scope(access)
    team_ids = [t.id for t in teams]
    pairs = set(
        Membership.objects.active()
        .filter(organisation=org, scope=Scope.TEAM, team_id__in=team_ids)
        .values_list("team_id", "person_id")
    )
    budgets = list(
        PdBudget.objects.filter(organisation=org, year=year).select_related("person", "team")
    )
    team_budgets = {b.team_id: b for b in budgets if b.team_id}
    scope_people = set(people_in_scope(access).values_list("pk", flat=True))
    person_budgets = [b for b in budgets if b.person_id and b.person_id in scope_people]
    people = {p for _, p in pairs} | {b.person_id for b in person_budgets}
    spent = _spent_per_person(org, people, year)
    team_rows = []
    for team in teams:
        members = {p for t, p in pairs if t == team.id}
        team_rows.append(
            {
                "team": team,
                "size": len(members),
                "budget": team_budgets.get(team.id),
                "cost": sum((spent.get(p, (0, 0))[0] for p in members), 0),
                "hours": sum((spent.get(p, (0, 0))[1] for p in members), 0),
            }
        )
    person_rows = [
        {
            "person": b.person,
            "budget": b,
            "cost": spent.get(b.person_id, (0, 0))[0],
            "hours": spent.get(b.person_id, (0, 0))[1],
        }
        for b in sorted(person_budgets, key=lambda b: (b.person.name, b.person_id))
    ]
    return {"teams": team_rows, "people": person_rows}


def own_pd_budget(access, user, year) -> dict:
    budget = PdBudget.objects.filter(organisation=access.organisation, year=year, person=user)
    cost, hours = _spent_per_person(access.organisation, [user.pk], year).get(user.pk, (0, 0))
    return {"budget": budget.first(), "cost": cost, "hours": hours}


# --- peer feedback ---------------------------------------------------------------------------

# Anonymous answers are shown only when at least this many colleagues were asked AND at least
# this many answered anonymously, and then all together in random order: with fewer, the
# requester could tell who wrote what by who they asked and who told them they answered.
MIN_ASKED_FOR_ANONYMOUS = 3
MIN_ANONYMOUS_ANSWERS = 3


def colleagues(access, user):
    """Active members of the organisation other than ``user``: whom one may ask."""
    from lerend.accounts.models import User

    return (
        User.objects.filter(
            pk__in=Membership.objects.active()
            .filter(organisation=access.organisation)
            .values("person_id"),
            is_active=True,
        )
        .exclude(pk=user.pk)
        .order_by("name", "id")
    )


def own_feedback_requests(access, user):
    return FeedbackRequest.objects.filter(
        organisation=access.organisation, requester=user
    ).annotate(
        asked=Count("invites", distinct=True),
        answered=Count("invites", filter=Q(invites__answered=True), distinct=True),
    )


def feedback_request_for_requester(access, user, feedback_request_id) -> FeedbackRequest:
    """Only the requester opens a request and its answers — leaders, coaches and the asked
    colleagues get 404."""
    found = own_feedback_requests(access, user).filter(pk=feedback_request_id).first()
    if found is None:
        raise Http404
    return found


def feedback_answers(feedback_request) -> dict:
    """What the requester sees: named answers with their author; anonymous answers only
    above both thresholds, then together in random order (never submission order)."""
    answers = feedback_request.answers.all()
    named = list(answers.filter(anonymous=False).select_related("author").order_by("id"))
    anonymous_count = answers.filter(anonymous=True).count()
    shown = (
        feedback_request.asked >= MIN_ASKED_FOR_ANONYMOUS
        and anonymous_count >= MIN_ANONYMOUS_ANSWERS
    )
    anonymous = (
        list(answers.filter(anonymous=True).order_by("?").values_list("text", flat=True))
        if shown
        else None
    )
    return {"named": named, "anonymous": anonymous, "anonymous_count": anonymous_count}


def pending_invites(access, user):
    """The invites addressed to ``user`` that they have not answered yet."""
    return FeedbackInvite.objects.filter(
        request__organisation=access.organisation, person=user, answered=False
    ).select_related("request__requester")


def invite_for_invitee(access, user, feedback_invite_id) -> FeedbackInvite:
    """The asked colleague opens their own invite only; for anyone else it does not exist."""
    invite = (
        FeedbackInvite.objects.filter(
            request__organisation=access.organisation, person=user, pk=feedback_invite_id
        )
        .select_related("request__requester")
        .first()
    )
    if invite is None:
        raise Http404
    return invite


# --- team reflection -------------------------------------------------------------------------


def reflection_teams(access):
    """Teams the person may hold a reflection for: their own teams and the teams they
    cover as a leader."""
    teams = Team.objects.filter(organisation=access.organisation).select_related("location")
    return [t for t in teams if t.id in access.team_ids or access.covers_team(t)]


def reflections_visible_to(access):
    return (
        TeamReflection.objects.filter(
            organisation=access.organisation, team__in=[t.id for t in reflection_teams(access)]
        )
        .select_related("team")
        .order_by("-held_on", "-id")
    )


def reflection_for_viewer(access, reflection_id) -> TeamReflection:
    """Another tenant's reflection: 404. A reflection of a team the member neither belongs
    to nor covers: 403 — it is a team record, not a private one, so its existence is no
    secret inside the organisation."""
    from django.core.exceptions import PermissionDenied

    reflection = (
        TeamReflection.objects.filter(organisation=access.organisation, pk=reflection_id)
        .select_related("team")
        .first()
    )
    if reflection is None:
        raise Http404
    if not (reflection.team_id in access.team_ids or access.covers_team(reflection.team)):
        raise PermissionDenied
    return reflection


def members_of_teams(access, team_ids, also=None):
    """Active people with a membership in one of ``team_ids`` (plus ``also``, e.g. the
    leader holding the reflection): whom one picks as participant or action owner."""
    from lerend.accounts.models import User

    ids = Membership.objects.active().filter(
        organisation=access.organisation, scope=Scope.TEAM, team_id__in=list(team_ids)
    )
    q = Q(pk__in=ids.values("person_id"))
    if also is not None:
        q |= Q(pk=also.pk)
    return User.objects.filter(q, is_active=True).order_by("name", "id")


# --- own-data export -------------------------------------------------------------------------


def _iso(value):
    return value.isoformat() if value else None


def _own_feedback(user) -> list[dict]:
    """Requests ``user`` made, with the answers exactly as the requester page shows them:
    named answers with author, anonymous ones only above both thresholds (in random order)
    and otherwise only their number. Goes through own_feedback_requests and
    feedback_answers, so the export can never show more than the page."""
    from lerend.organisations.access import Access
    from lerend.organisations.models import Organisation

    orgs = Organisation.objects.filter(
        pk__in=FeedbackRequest.objects.filter(requester=user).values("organisation_id")
    ).order_by("name", "id")
    rows = []
    for org in orgs:
        for request in own_feedback_requests(Access(organisation=org), user):
            answers = feedback_answers(request)
            rows.append(
                {
                    "organisation": org.name,
                    "question": request.question,
                    "allow_anonymous": request.allow_anonymous,
                    "created_at": _iso(request.created_at),
                    "asked": request.asked,
                    "answered": request.answered,
                    "named_answers": [
                        {"author": a.author.name if a.author_id else None, "text": a.text}
                        for a in answers["named"]
                    ],
                    "anonymous_answers": answers["anonymous"],
                    "anonymous_answer_count": answers["anonymous_count"],
                }
            )
    return rows


def own_learning_data(user) -> dict:
    """Everything learning holds that is ``user``'s, across organisations, for their own-data
    download: journal, POPs (goals, activities, evidence metadata — not the file bytes),
    review conversations they take part in, PD participations, feedback they asked for and
    the named answers they gave. Anonymous answers they gave are left out: nothing links
    them to their author, not even for the author."""
    from .models import FeedbackAnswer

    entries = (
        JournalEntry.objects.filter(owner=user)
        .select_related("organisation")
        .order_by("-written_on", "-id")
    )
    plans = (
        DevelopmentPlan.objects.filter(owner=user)
        .select_related("organisation")
        .prefetch_related("goals__activities", "evidence")
        .order_by("-year", "-id")
    )
    reviews = (
        ReviewConversation.objects.filter(Q(plan__owner=user) | Q(reviewer=user))
        .select_related("plan__owner", "plan__organisation", "reviewer")
        .order_by("-held_on", "-id")
    )
    participations = (
        Participation.objects.filter(person=user)
        .select_related("activity__organisation")
        .order_by("-activity__starts_on", "-id")
    )
    given = (
        FeedbackAnswer.objects.filter(author=user, anonymous=False)
        .select_related("request__requester", "request__organisation")
        .order_by("id")
    )
    return {
        "journal_entries": [
            {
                "organisation": e.organisation.name,
                "title": e.title,
                "body": e.body,
                "phase": e.phase,
                "building_blocks": e.building_blocks,
                "written_on": _iso(e.written_on),
            }
            for e in entries
        ],
        "development_plans": [
            {
                "organisation": p.organisation.name,
                "year": p.year,
                "goals": [
                    {
                        "title": g.title,
                        "description": g.description,
                        "building_blocks": g.building_blocks,
                        "start_score": g.start_score,
                        "start_note": g.start_note,
                        "end_score": g.end_score,
                        "end_note": g.end_note,
                        "activities": [
                            {
                                "description": a.description,
                                "planned_for": _iso(a.planned_for),
                                "done": a.done,
                            }
                            for a in g.activities.all()
                        ],
                    }
                    for g in p.goals.all()
                ],
                "evidence": [
                    {
                        "kind": ev.kind,
                        "title": ev.title,
                        "text": ev.text,
                        "file_name": ev.original_name,
                        "content_type": ev.content_type,
                        "size": ev.size,
                        "created_at": _iso(ev.created_at),
                    }
                    for ev in p.evidence.all()
                ],
            }
            for p in plans
        ],
        "review_conversations": [
            {
                "organisation": r.plan.organisation.name,
                "kind": r.kind,
                "held_on": _iso(r.held_on),
                "plan_owner": r.plan.owner.name,
                "reviewer": r.reviewer.name if r.reviewer_id else None,
                "notes": r.notes,
                "owner_confirmed_at": _iso(r.owner_confirmed_at),
                "reviewer_confirmed_at": _iso(r.reviewer_confirmed_at),
            }
            for r in reviews
        ],
        "pd_participations": [
            {
                "organisation": p.activity.organisation.name,
                "activity": p.activity.title,
                "starts_on": _iso(p.activity.starts_on),
                "status": p.status,
                "hours": str(p.hours),
                "cost_share": str(p.cost_share),
                "writeup": p.writeup,
                "writeup_shared": p.writeup_shared,
                "applied": p.applied,
                "applied_note": p.applied_note,
            }
            for p in participations
        ],
        "feedback_requests": _own_feedback(user),
        "feedback_answers_given": [
            {
                "organisation": a.request.organisation.name,
                "requester": a.request.requester.name,
                "question": a.request.question,
                "text": a.text,
            }
            for a in given
        ],
    }
