"""Shares: which count now, whom an owner may share with."""

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, When
from django.http import Http404

from lerend.accounts.models import User
from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Membership, Role, Scope, Team

from ..models import (
    Share,
)

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


def _colleague_team_ids(access) -> set[int]:
    """Teams in which this person is a colleague (a staff member of the team). A share with
    "your team" reaches them only: the team's leader or coach reads it only when the owner
    also shares with that person (the share page promises exactly that)."""
    return {m.team_id for m in access.memberships if m.team_id and m.role == Role.MEDEWERKER}


def _shared_with(access, user) -> Q:
    """Live shares addressed to ``user`` directly or to a team they are a colleague in."""
    return (Q(person=user) | Q(team_id__in=_colleague_team_ids(access))) & _live_share()


def _visible(model_filter: str, access, user) -> Q:
    shares = Share.objects.filter(_shared_with(access, user), **{model_filter: OuterRef("pk")})
    return Q(owner=user) | Q(Exists(shares))


def recent_shares_with(access, user, limit: int = 5):
    """The newest live shares of others' journal entries and POPs that reach ``user`` (the
    home card "Shared with you"), read from the share side so the cost follows the person's
    shares, not the organisation's records. One query."""
    return (
        Share.objects.filter(_shared_with(access, user), organisation=access.organisation)
        .exclude(owner=user)
        .select_related("owner", "entry", "plan")
        .order_by("-created_at", "-id")[:limit]
    )


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


def share_target_memberships(access, user):
    """The memberships by which coaches and leaders cover ``user``."""
    return _covering_memberships(access, user)


def share_target_people(access, user):
    """Coaches and leaders whose scope covers ``user`` (their teams, locations, or the whole
    organisation) — the people an owner may share a record with or choose as reviewer."""
    return User.objects.filter(
        pk__in=_covering_memberships(access, user).values("person_id"), is_active=True
    ).order_by("name", "id")


def share_target_teams(access):
    """The owner's own teams."""
    return Team.objects.filter(organisation=access.organisation, pk__in=access.team_ids)
