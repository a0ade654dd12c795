"""Networks records of one person (an open round they were invited to and answered, naming
a colleague, and a round they set up), for the tenancy matrix and the erasure test."""

import datetime

from lerend.networks import services
from lerend.networks.models import Invitation


def make_records(org, person, leader) -> dict[str, int]:
    today = datetime.date.today()
    network_round = services.create_round(
        organisation=org,
        actor=leader,
        title="Wie leert van wie",
        purposes=["een lastige situatie"],
        purpose_statement="Waarom",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
    )
    services.launch_round(network_round=network_round, actor=leader)
    colleague = Invitation.objects.filter(round=network_round).exclude(person=person).first().person
    services.submit_answers(
        network_round=network_round, person=person, chosen={1: [colleague.pk]}, consent=True
    )
    services.submit_answers(
        network_round=network_round, person=colleague, chosen={1: [person.pk]}, consent=True
    )
    draft = services.create_round(
        organisation=org,
        actor=person,
        title="Concept",
        purposes=["ideeën"],
        purpose_statement="Waarom",
        opens_on=today,
        closes_on=today,
    )
    return {"round": network_round.pk, "draft": draft.pk}
