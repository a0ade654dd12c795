"""Writes for children's well-being and involvement rounds (Laevers). No child is ever named:
a score carries the token the group chose."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.improvement import services as improvement
from lerend.organisations.services import record

from ..models import ContextFactor, RoundStatus, WellbeingRound, WellbeingScore

# A number, optionally with a short prefix ("7", "K12", "rood-3"), or one short pseudonym
# word the group chose. Spaces are refused: "Jan de Vries" is a name, not a token.
TOKEN = re.compile(r"^[\w-]{1,12}$")


def clean_token(child: str) -> str:
    token = (child or "").strip()
    if not TOKEN.match(token):
        raise ValidationError(
            {
                "child": _(
                    "Use the child's number or the group's pseudonym: at most 12 letters or "
                    "digits, no spaces — never a name."
                )
            }
        )
    return token.upper()


@transaction.atomic
def start_round(*, organisation, actor, team, first_on, second_on) -> WellbeingRound:
    """Side effects: creates a WellbeingRound; audit entry."""
    if team.organisation_id != organisation.id:
        raise ValidationError({"team": _("Unknown group.")})
    if first_on == second_on:
        raise ValidationError({"second_on": _("Observe the second time on another day.")})
    if WellbeingRound.objects.filter(team=team, status=RoundStatus.OPEN).exists():
        raise ValidationError({"team": _("This group already has an open round: finish it first.")})
    first_on, second_on = sorted((first_on, second_on))
    round_ = WellbeingRound.objects.create(
        organisation=organisation,
        team=team,
        first_on=first_on,
        second_on=second_on,
        created_by=actor,
    )
    record(
        organisation=organisation,
        actor=actor,
        action="wellbeing.round",
        target=round_,
        after={"team": team.name, "first_on": first_on.isoformat()},
    )
    return round_


@transaction.atomic
def record_score(*, round, actor, child, moment, wellbeing, involvement) -> WellbeingScore:
    """One child at one moment; entering the same child and moment again corrects it.

    Side effects: creates or updates a WellbeingScore."""
    if not round.is_open:
        raise ValidationError(_("This round is closed."))
    token = clean_token(child)
    if moment not in (1, 2):
        raise ValidationError({"moment": _("Choose the first or the second moment.")})
    day = round.first_on if moment == 1 else round.second_on
    if day > timezone.localdate():
        raise ValidationError(
            {"moment": _("This moment is planned for %(day)s.") % {"day": day.strftime("%d-%m-%Y")}}
        )
    for name, value in (("wellbeing", wellbeing), ("involvement", involvement)):
        if value not in (1, 2, 3, 4, 5):
            raise ValidationError({name: _("Choose a score from 1 to 5.")})
    score, _created = WellbeingScore.objects.update_or_create(
        round=round,
        child=token,
        moment=moment,
        defaults={
            "wellbeing": wellbeing,
            "involvement": involvement,
            "entered_by": actor,
            "entered_at": timezone.now(),
        },
    )
    return score


@transaction.atomic
def save_reflection(*, round, actor, reflection, context_factors) -> WellbeingRound:
    """Side effects: updates the round's reflection and context factors."""
    unknown = set(context_factors) - set(ContextFactor.values)
    if unknown:
        raise ValidationError({"context_factors": _("Unknown context factor.")})
    round.reflection = reflection
    round.context_factors = list(context_factors)
    round.save(update_fields=["reflection", "context_factors"])
    return round


@transaction.atomic
def close_round(*, round, actor) -> WellbeingRound:
    """Side effects: closes the round (no more scores); audit entry."""
    round.status = RoundStatus.CLOSED
    round.closed_at = timezone.now()
    round.save(update_fields=["status", "closed_at"])
    record(
        organisation=round.organisation,
        actor=actor,
        action="wellbeing.close",
        target=round,
        after={"team": round.team.name},
    )
    return round


def add_action(*, round, actor, title, owner, due_on):
    """An action from the round's reflection, on the group's team board (improvement's own
    service makes it, with its own checks).

    Side effects: creates an improvement Action."""
    return improvement.create_action(
        organisation=round.organisation,
        actor=actor,
        team=round.team,
        title=title,
        owner=owner,
        due_on=due_on,
        origin="reflectie",
        building_blocks=["monitoring-evaluatie"],
    )
