"""What coaching offers others to track over time (contribution slot ``measures``): the
coverage of a part of the organisation in a year — the share of its pedagogisch medewerkers
(leraren) who had at least one coaching session. Monitoring's computed indicators read it
through ``kit.contrib.measure("coaching_coverage")``; they never import this app.

Only a share, never names, and nothing for fewer than learning's minimum of people for
counts (a team of two would tell whether a colleague was coached).
"""

from decimal import Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Measure
from lerend.learning.selectors import MIN_TEAM_SIZE_FOR_COUNTS

from . import selectors


def coverage_share(organisation, location=None, team=None, year=None) -> Decimal | None:
    """% of the staff in the area (active at some day of ``year`` until today) coached in
    ``year``; None below the minimum group size. One query."""
    staff = selectors.staff_memberships(organisation, year)
    if team is not None:
        staff = staff.filter(team=team)
    elif location is not None:
        staff = staff.filter(Q(location=location) | Q(team__location=location))
    counts = staff.aggregate(
        people=Count("person", distinct=True),
        coached=Count(
            "person",
            distinct=True,
            filter=Q(person_id__in=selectors.coached_people(organisation, year)),
        ),
    )
    if counts["people"] < MIN_TEAM_SIZE_FOR_COUNTS:
        return None
    return (Decimal(100) * counts["coached"] / counts["people"]).quantize(Decimal("0.01"))


MEASURES = {
    "coaching_coverage": Measure(
        label=_("% of staff coached this year"), unit="%", compute=coverage_share
    ),
}
