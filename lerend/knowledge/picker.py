"""Whom and which teams the knowledge forms may offer in their choosers (``people_scopes``,
``team_scopes``)."""

from lerend.organisations import picker, team_picker


def contact_people(request):
    """The contact person of an entry: anyone working here."""
    return picker.organisation_people(request.organisation)


SCOPES = {"knowledge.contact": contact_people}


def audience_teams(request):
    """A team audience: one's own teams and the teams one leads."""
    return team_picker.covered_teams(request.access, own=True)


TEAM_SCOPES = {"knowledge.teams": audience_teams}
