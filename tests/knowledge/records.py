"""Knowledge records of one person (a draft, a published team entry naming them as contact,
their directory entry), for the tenancy matrix and the erasure test."""

import datetime

from lerend.knowledge import services
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Team


def make_records(org, person) -> dict[str, int]:
    access = resolve_access(person, org)
    team = Team.objects.get(pk=min(access.team_ids))
    review_on = datetime.date.today() + datetime.timedelta(days=90)
    draft = services.create_entry(
        access=access,
        actor=person,
        title="Concept",
        learned="Nog niet af",
        visibility="team",
        team=team,
        review_on=review_on,
    )
    published = services.create_entry(
        access=access,
        actor=person,
        title="Gedeeld",
        learned="Werkt",
        visibility="team",
        team=team,
        contact_person=person,
        review_on=review_on,
    )
    services.publish_entry(access=access, actor=person, entry=published)
    expertise = services.save_expertise(access=access, actor=person, can_help_with="Kringen")
    return {"knowledge_id": published.pk, "draft_id": draft.pk, "expertise_id": expertise.pk}
