"""Steps of the crash test, run in their own processes with the worker settings:
``python -m tests.background.scenario setup N`` builds an organisation with N staff and
launches a campaign (its mails go to the task queue)."""

import json
import sys

import django


def setup(n: int) -> None:
    from django.db import transaction

    from lerend.organisations.models import Role
    from lerend.scans import services
    from tests.factories import LocationFactory, OrganisationFactory, TeamFactory, member
    from tests.scans.test_campaign_support import make_campaign

    class World:
        pass

    world = World()
    with transaction.atomic():
        world.org = OrganisationFactory(name="Stichting Crash", slug="crash")
        location = LocationFactory(organisation=world.org, name="De Kern")
        team = TeamFactory(location=location, name="Groep 1")
        world.admin = member(world.org, Role.BEHEERDER)
        staff = [member(world.org, Role.MEDEWERKER, team=team) for _ in range(n)]
        campaign = make_campaign(world, role_groups=("medewerkers",), teams=(team,))
        services.launch_campaign(campaign=campaign, actor=world.admin)  # enqueued on commit
    print(json.dumps({"campaign": campaign.pk, "emails": sorted(p.email for p in staff)}))


if __name__ == "__main__":
    django.setup()
    setup(int(sys.argv[2]))
