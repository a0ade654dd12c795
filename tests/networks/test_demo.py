"""The demo has an advice-network series and partners in both sectors: a closed round whose
aggregates are shown (teams of k, no names), an open re-measure with a home task for the demo
medewerker, partners with contacts, agreements and activities — and a second run adds nothing."""

import pytest

from lerend.accounts.models import User
from lerend.demo import builder
from lerend.networks import selectors as network_selectors
from lerend.networks.models import NetworkRound, Tie
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Organisation, Role
from lerend.partners.models import Activity, Agreement, Partner
from tests.demo.test_demo_content import run_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_demo_networks_and_partners_in_both_sectors(var_dir):
    run_demo()
    counts = (NetworkRound.objects.count(), Partner.objects.count(), Activity.objects.count())
    for slug in (builder.CHILDCARE_SLUG, builder.SCHOOL_SLUG):
        org = Organisation.objects.get(slug=slug)
        closed, open_round = (
            NetworkRound.objects.filter(organisation=org, status="closed").get(),
            NetworkRound.objects.filter(organisation=org, status="open").get(),
        )
        assert not Tie.objects.filter(round=closed).exists()
        board = User.objects.get(email=builder.login_email(slug, Role.BESTUURDER))
        results = network_selectors.results_for(closed, resolve_access(board, org))
        assert results.ready and results.teams
        staff = User.objects.get(email=builder.login_email(slug, Role.MEDEWERKER))
        assert open_round in network_selectors.open_rounds_for(resolve_access(staff, org))
        assert Partner.objects.filter(organisation=org).count() == 3
        assert Agreement.objects.filter(partner__organisation=org).exists()
    run_demo()
    assert counts == (
        NetworkRound.objects.count(),
        Partner.objects.count(),
        Activity.objects.count(),
    )
