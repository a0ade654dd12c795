"""Writes of the team board: actions (with a version against lost updates) and their
follow-up, board items, session notes, the schedule and its calendar feed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.tokens import hash_token, new_token
from lerend.organisations.services import diff, record, snapshot

from ..models import (
    Action,
    ActionStatus,
    BoardItem,
    BoardSession,
    TeamBoard,
)


class StaleAction(Exception):
    """Someone else moved or changed the action since this person loaded the board."""


@transaction.atomic
def create_action(*, organisation, actor, team, **values) -> Action:
    """Side effects: creates an Action in the "to do" column."""
    if team.organisation_id != organisation.id:
        raise ValidationError({"team": _("Unknown team.")})
    action = Action(organisation=organisation, team=team, created_by=actor)
    for name, value in values.items():
        setattr(action, name, value)
    if action.owner is None:
        raise ValidationError({"owner": _("Every action needs an owner: choose who does it.")})
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def update_action(*, action, version, **values) -> Action:
    """Side effects: updates the Action and raises its version; ``StaleAction`` when someone
    changed it since ``version`` was read."""
    if action.owner is None and values.get("owner") is None:
        raise ValidationError({"owner": _("Every action needs an owner: choose who does it.")})
    for name, value in values.items():
        setattr(action, name, value)
    action.full_clean()
    changed = Action.objects.filter(pk=action.pk, version=version).update(
        **{name: getattr(action, name) for name in values}, version=F("version") + 1
    )
    if not changed:
        raise StaleAction
    action.refresh_from_db()
    return action


@transaction.atomic
def move_action(*, action, status, version) -> Action:
    """Put the action in another column. The conditional update is the whole concurrency
    story: of two people moving the same card from the same version, one wins and the other
    gets ``StaleAction`` — the card is never half-moved.

    Side effects: updates status and version of the Action."""
    if status not in ActionStatus.values:
        raise ValidationError(_("Unknown column."))
    changed = Action.objects.filter(pk=action.pk, version=version).update(
        status=status, version=F("version") + 1
    )
    if not changed:
        raise StaleAction
    action.refresh_from_db()
    return action


@transaction.atomic
def answer_follow_up(*, action, outcome, learned) -> Action:
    """Side effects: stores the answer to "Did it work?" on the Action."""
    action.outcome = outcome
    action.learned = learned.strip()
    action.outcome_at = timezone.now()
    action.full_clean()
    Action.objects.filter(pk=action.pk).update(
        outcome=action.outcome, learned=action.learned, outcome_at=action.outcome_at
    )
    return action


def board_for(team) -> TeamBoard:
    """The team's board settings, created on first use. Side effects: may create a row."""
    found, _created = TeamBoard.objects.get_or_create(team=team)
    return found


@transaction.atomic
def add_board_item(*, team, actor, kind, text) -> BoardItem:
    """Side effects: creates a BoardItem."""
    item = BoardItem(team=team, kind=kind, text=text.strip(), created_by=actor)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def close_board_item(*, item) -> BoardItem:
    """Take an item off the board (a problem taken up, a success celebrated).

    Side effects: sets ``closed_at``."""
    if item.closed_at is None:
        item.closed_at = timezone.now()
        item.save(update_fields=["closed_at"])
    return item


@transaction.atomic
def save_session_notes(*, team, actor, notes, held_on=None) -> BoardSession:
    """Side effects: creates a BoardSession (the history of the team's sessions)."""
    session = BoardSession(
        team=team, notes=notes.strip(), created_by=actor, held_on=held_on or timezone.localdate()
    )
    session.full_clean()
    session.save()
    return session


def _snap_board(board, fields) -> dict:
    # A time of day is not JSON; the audit log shows it as text.
    return {
        k: v.isoformat() if hasattr(v, "isoformat") else v
        for k, v in snapshot(board, fields).items()
    }


@transaction.atomic
def update_schedule(*, team, actor, **values) -> TeamBoard:
    """Side effects: updates the TeamBoard; audit entry ``board.schedule``."""
    board = board_for(team)
    fields = ("weekday", "starts_at", "duration_minutes", "place")
    before = _snap_board(board, fields)
    for name, value in values.items():
        setattr(board, name, value)
    if board.series_starts_on is None or board.series_starts_on.weekday() != board.weekday:
        # The feed's weekly series starts at the next session day from now on, and stays
        # there until the day of the week changes.
        today = timezone.localdate()
        ahead = (board.weekday - today.weekday()) % 7
        board.series_starts_on = today + datetime.timedelta(days=ahead)
    board.full_clean()
    board.save()
    old, new = diff(before, _snap_board(board, fields))
    if new:
        record(
            organisation=team.organisation,
            actor=actor,
            action="board.schedule",
            target=team,
            before=old,
            after=new,
        )
    return board


@transaction.atomic
def regenerate_feed_token(*, team, actor) -> str:
    """A new secret for the calendar link; the old link stops working at once. Returns the
    token, which exists in clear only here: the board keeps its sha256.

    Side effects: updates the TeamBoard; audit entry ``board.feed_token``."""
    board = board_for(team)
    token = new_token(24)
    board.feed_token_hash = hash_token(token)
    board.save(update_fields=["feed_token_hash"])
    record(organisation=team.organisation, actor=actor, action="board.feed_token", target=team)
    return token
