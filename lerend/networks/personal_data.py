"""A person's part of networks in their download, and erasure in one organisation.

Download: the rounds they were invited to, whether they took part, and — while a round is
open — whom they named themselves. Whether and how often *others* named them is not given:
it would disclose the others' answers (AVG art. 15(4)), and those answers are deleted when a
round closes (docs/networks.md)."""

from lerend.kit.contrib import deleted

from .models import Invitation, NetworkRound, Status, Tie


def own_data(person):
    rounds = []
    for inv in Invitation.objects.filter(person=person).select_related("round__organisation"):
        rounds.append(
            {
                "organisation": inv.round.organisation.name,
                "round": inv.round.title,
                "took_part": inv.responded,
                "named": list(
                    Tie.objects.filter(round=inv.round, respondent=person)
                    .order_by("purpose", "alter__name")
                    .values("purpose", "alter__name")
                ),
            }
        )
    created = list(NetworkRound.objects.filter(created_by=person).values_list("title", flat=True))
    return {"rounds": rounds, "rounds_created": created}


def erase(person, organisation):
    in_org = {"round__organisation": organisation}
    named = deleted(Tie.objects.filter(alter=person, **in_org))
    answers = deleted(Tie.objects.filter(respondent=person, **in_org))
    mine = Invitation.objects.filter(person=person, **in_org)
    invitations = deleted(mine.exclude(round__status=Status.CLOSED))
    invitations += mine.update(person=None)
    NetworkRound.objects.filter(organisation=organisation, created_by=person).update(
        created_by=None
    )
    return {"network answers": answers + named, "network invitations": invitations}
