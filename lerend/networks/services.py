"""Every write of networks: keyword-only, atomic, audited (never with whom anyone named)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.organisations.models import Membership, Scope
from lerend.organisations.services import record

from . import measures
from .models import (
    MAX_NAMES,
    MAX_PURPOSES,
    CrossTies,
    Invitation,
    NetworkRound,
    Status,
    TeamResult,
    Tie,
)


def _clean_purposes(purposes) -> list[str]:
    cleaned = [p.strip() for p in purposes if p and p.strip()]
    if not 1 <= len(cleaned) <= MAX_PURPOSES:
        raise ValidationError({"purposes": _("Give one to three purposes.")})
    return cleaned


@transaction.atomic
def create_round(
    *,
    organisation,
    actor,
    title,
    purposes,
    purpose_statement,
    opens_on,
    closes_on,
    min_response_rate=60,
    previous=None,
) -> NetworkRound:
    """A draft round. Side effects: audit entry."""
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The closing date is before the opening date.")})
    if previous is not None and previous.organisation_id != organisation.pk:
        raise ValidationError({"previous": _("Choose a round of this organisation.")})
    network_round = NetworkRound.objects.create(
        organisation=organisation,
        title=title,
        purposes=_clean_purposes(purposes),
        purpose_statement=purpose_statement,
        opens_on=opens_on,
        closes_on=closes_on,
        min_response_rate=min_response_rate,
        previous=previous,
        k=organisation.anonymity_threshold,
        created_by=actor,
    )
    record(
        organisation=organisation, actor=actor, action="networks.round.create", target=network_round
    )
    return network_round


def _roster(organisation):
    """Person -> (team id, location id), from active memberships: a person's first team
    (lowest id) if they have one, else their location."""
    roster: dict[int, tuple[int | None, int | None]] = {}
    rows = (
        Membership.objects.active()
        .filter(organisation=organisation)
        .order_by("person_id", "team_id", "location_id")
        .values_list("person_id", "scope", "team_id", "team__location_id", "location_id")
    )
    for person_id, scope, team_id, team_location, location_id in rows:
        current = roster.get(person_id)
        if scope == Scope.TEAM and team_id and (current is None or current[0] is None):
            roster[person_id] = (team_id, team_location)
        elif current is None:
            roster[person_id] = (None, location_id if scope == Scope.LOCATION else None)
    return roster


@transaction.atomic
def launch_round(*, network_round, actor) -> int:
    """Draft -> open: the roster is frozen (one invitation per active member, with their team
    and location), k is copied from the organisation. Side effects: invitations, audit."""
    if network_round.status != Status.DRAFT:
        raise ValidationError(_("This round has been opened already."))
    organisation = network_round.organisation
    invitations = [
        Invitation(round=network_round, person_id=person_id, team_id=team, location_id=location)
        for person_id, (team, location) in _roster(organisation).items()
    ]
    Invitation.objects.bulk_create(invitations, batch_size=1000)
    network_round.status = Status.OPEN
    network_round.k = max(network_round.k, organisation.anonymity_threshold)
    network_round.save(update_fields=["status", "k"])
    record(
        organisation=organisation,
        actor=actor,
        action="networks.round.launch",
        target=network_round,
        after={"invited_count": len(invitations)},
    )
    return len(invitations)


@transaction.atomic
def submit_answers(*, network_round, person, chosen: dict[int, list[int]], consent: bool) -> int:
    """Store whom ``person`` goes to for each purpose (replacing earlier answers in this
    round). Only people on the round's roster can be named, never oneself; at most
    MAX_NAMES per purpose. Not audited: the log must not say who answered when.
    Side effects: Tie rows, the invitation marked responded."""
    if network_round.status != Status.OPEN:
        raise ValidationError(_("This round is not open."))
    if not consent:
        raise ValidationError({"consent": _("Tick that you agree, or do not take part.")})
    invitation = (
        Invitation.objects.select_for_update().filter(round=network_round, person=person).first()
    )
    if invitation is None:
        raise ValidationError(_("You are not on this round's list."))
    purposes = range(1, len(network_round.purposes) + 1)
    wanted = {p: list(dict.fromkeys(int(i) for i in chosen.get(p, []))) for p in purposes}
    if any(len(ids) > MAX_NAMES for ids in wanted.values()):
        raise ValidationError(_("Name at most %(n)s colleagues per question.") % {"n": MAX_NAMES})
    everyone = {i for ids in wanted.values() for i in ids}
    allowed = set(
        Invitation.objects.filter(round=network_round, person_id__in=everyone)
        .exclude(person=person)
        .values_list("person_id", flat=True)
    )
    if everyone - allowed:
        raise ValidationError(_("Choose colleagues from the list."))
    Tie.objects.filter(round=network_round, respondent=person).delete()
    ties = [
        Tie(round=network_round, purpose=p, respondent=person, alter_id=alter)
        for p, ids in wanted.items()
        for alter in ids
    ]
    Tie.objects.bulk_create(ties)
    invitation.responded = True
    invitation.save(update_fields=["responded"])
    return len(ties)


@transaction.atomic
def withdraw(*, network_round, person) -> None:
    """Take back one's answers while the round is open. Side effects: ties deleted."""
    if network_round.status != Status.OPEN:
        raise ValidationError(_("This round is not open."))
    Tie.objects.filter(round=network_round, respondent=person).delete()
    Invitation.objects.filter(round=network_round, person=person).update(responded=False)


@transaction.atomic
def close_round(*, network_round, actor, today: datetime.date | None = None) -> dict[str, int]:
    """Open -> closed: compute each team's measures (per purpose and all together) over its
    respondents, and the tie counts between teams and between locations; then delete the
    ties. What is stored is only ever shown through the gate (``selectors``).
    Side effects: TeamResult and CrossTies rows, Tie rows deleted, audit entry."""
    if network_round.status != Status.OPEN:
        raise ValidationError(_("Only an open round can be closed."))
    roster = {
        person: (team, location)
        for person, team, location in network_round.invitations.values_list(
            "person_id", "team_id", "location_id"
        )
    }
    respondents = set(
        network_round.invitations.filter(responded=True).values_list("person_id", flat=True)
    )
    ties_by_purpose: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for purpose, a, b in network_round.ties.values_list("purpose", "respondent_id", "alter_id"):
        if a in respondents and b in roster:
            ties_by_purpose[purpose].add((a, b))
            ties_by_purpose[0].add((a, b))
    team_nodes: dict[int, list[int]] = defaultdict(list)
    for person in sorted(respondents):
        team = roster.get(person, (None, None))[0]
        if team is not None:
            team_nodes[team].append(person)
    results = []
    for purpose in range(len(network_round.purposes) + 1):
        if purpose == 0 or len(network_round.purposes) > 1:
            for team, nodes in team_nodes.items():
                m = measures.team_measures(nodes, ties_by_purpose.get(purpose, ()))
                results.append(
                    TeamResult(
                        round=network_round,
                        team_id=team,
                        purpose=purpose,
                        density=m.density,
                        reciprocity=m.reciprocity,
                        centralisation=m.centralisation,
                        isolates_band=measures.isolates_band(m.isolates_share),
                    )
                )
    TeamResult.objects.bulk_create(results)
    cross: dict[tuple[str, int, int], int] = defaultdict(int)
    for a, b in ties_by_purpose.get(0, ()):
        (team_a, loc_a), (team_b, loc_b) = roster[a], roster[b]
        if team_a and team_b and team_a != team_b:
            cross[("team", team_a, team_b)] += 1
        if loc_a and loc_b and loc_a != loc_b:
            cross[("location", loc_a, loc_b)] += 1
    CrossTies.objects.bulk_create(
        CrossTies(round=network_round, level=level, sender=s, receiver=r, count=n)
        for (level, s, r), n in cross.items()
    )
    deleted = network_round.ties.all().delete()[0]
    network_round.status = Status.CLOSED
    network_round.closes_on = min(network_round.closes_on, today or timezone.localdate())
    network_round.save(update_fields=["status", "closes_on"])
    record(
        organisation=network_round.organisation,
        actor=actor,
        action="networks.round.close",
        target=network_round,
        after={"respondent_count": len(respondents)},
    )
    return {"teams": len(team_nodes), "ties_deleted": deleted}
