"""Work out a closed campaign's plans before anyone opens its results.

The per-question plans and the comparison across rounds of a campaign of 15,000 people take
seconds to work out (docs/anonymity.md, routes 3 and 4). They depend only on the campaign's
respondents and the reader's own cells, and they are kept in the shared cache under exactly
those inputs (plan.py). The worker computes them here when a campaign closes, for everybody
and for each distinct reader position of the people who open organisation and location
results, so the first leader who opens the results finds them ready. A reader whose plan was
not warmed (a team leader's own cell) pays once; after that every process shares it.
"""

from lerend.organisations.models import Membership, Role

from ..models import Campaign
from . import plan
from .core import CampaignResults, organisation_ref

WARMED_ROLES = (Role.BESTUURDER, Role.BEHEERDER, Role.LOCATIEMANAGER)


def warm(campaign_id: int) -> int:
    """Compute and share the plans of a closed campaign; returns the reader positions
    warmed (0 when its results are not ready)."""
    campaign = Campaign.objects.select_related("organisation", "instrument_version").get(
        pk=campaign_id
    )
    if not plan.results_ready(campaign):
        return 0
    leaders = (
        Membership.objects.active()
        .filter(organisation_id=campaign.organisation_id, role__in=WARMED_ROLES)
        .select_related("person")
        .order_by("person_id")
    )
    people = list({m.person_id: m.person for m in leaders}.values())
    cells = plan.cells_by_person(campaign.pk, [p.pk for p in people])
    positions: dict[frozenset, object] = {frozenset(): None}
    for person in people:
        positions.setdefault(cells.get(person.pk, frozenset()), person)
    ref = organisation_ref(campaign.organisation)
    for reader in positions.values():
        results = CampaignResults(campaign, reader=reader)
        results.numbers  # noqa: B018  # the per-question plans, now in the shared cache
        results.trend(ref)  # the comparison across rounds, and the earlier rounds' plans
    return len(positions)
