from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from lerend.demo import builder
from lerend.improvement.models import Action, BoardItem, Goal, VisionVersion
from lerend.learning.models import DevelopmentPlan, JournalEntry, ReviewConversation, Share
from lerend.scans.models import Answer, Campaign, Response, ScanInvitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def run_demo(*args):
    out = StringIO()
    with translation.override("nl"):
        call_command("demo", *args, stdout=out)
    return out.getvalue()


def content_counts():
    return {
        "visions": VisionVersion.objects.count(),
        "goals": Goal.objects.count(),
        "actions": Action.objects.count(),
        "board_items": BoardItem.objects.count(),
        "journal": JournalEntry.objects.count(),
        "plans": DevelopmentPlan.objects.count(),
        "campaigns": Campaign.objects.count(),
        "responses": Response.objects.count(),
        "answers": Answer.objects.count(),
    }


def test_demo_content_exists_for_both_organisations(var_dir):
    run_demo()
    for slug in (builder.CHILDCARE_SLUG, builder.SCHOOL_SLUG):
        vision = VisionVersion.objects.get(organisation__slug=slug, level="organisation")
        assert 4 <= len(vision.core_value_list) <= 5
        goals = Goal.objects.filter(organisation__slug=slug)
        assert goals.filter(level="organisation").count() == 2
        assert goals.filter(level="location").count() == 1
        assert goals.filter(level="team").count() == 3
        assert all(g.building_blocks for g in goals.filter(level="organisation"))
        actions = Action.objects.filter(organisation__slug=slug)
        assert set(actions.values_list("status", flat=True)) == {"te_doen", "bezig", "klaar"}
        assert actions.filter(follow_up_asked_on__isnull=False).exists()
        kinds = set(
            BoardItem.objects.filter(team__organisation__slug=slug).values_list("kind", flat=True)
        )
        assert kinds == {"succes", "afspraak", "probleem"}
        staff = builder.login_email(slug, "medewerker")
        assert JournalEntry.objects.filter(owner__email=staff).count() == 3
        assert Share.objects.filter(owner__email=staff, entry__isnull=False).count() == 1
        plan = DevelopmentPlan.objects.get(owner__email=staff)
        assert plan.goals.count() == 2
        assert ReviewConversation.objects.filter(plan=plan, kind="planning").count() == 1
        # Ordered by closing date, so each key keeps its newest round.
        campaigns = {
            c.instrument_version.key: c
            for c in Campaign.objects.filter(organisation__slug=slug).order_by("closes_on", "pk")
        }
        # Two rounds of the scan, a year apart, so the steering view shows a trend.
        rounds = Campaign.objects.filter(
            organisation__slug=slug, instrument_version__key="lerende-organisatiescan"
        ).order_by("closes_on")
        assert [c.status for c in rounds] == ["closed", "closed"]
        assert (rounds[1].closes_on - rounds[0].closes_on).days in (365, 366)
        assert campaigns["lerende-organisatiescan"].status == "closed"
        assert campaigns["pulse"].status == "open"
        scan = campaigns["lerende-organisatiescan"]
        invited = scan.invitations.count()
        responded = scan.responses.count()
        assert 0.6 * invited <= responded <= 0.85 * invited
        assert Answer.objects.filter(response__campaign=scan, value__isnull=True).exists()
        assert any(r.comments for r in scan.responses.all())


def test_demo_content_has_small_and_large_teams(var_dir):
    run_demo()
    from django.db.models import Count

    scan = (
        Campaign.objects.filter(
            organisation__slug=builder.CHILDCARE_SLUG,
            instrument_version__key="lerende-organisatiescan",
        )
        .order_by("-closes_on")
        .first()
    )
    per_team = list(
        scan.responses.exclude(team_key=0)
        .values("team_key")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    )
    small = [n for n in per_team if n < 5]
    assert 0 < len(small) < len(per_team) / 2


def test_demo_content_is_not_duplicated(var_dir):
    run_demo()
    first = content_counts()
    run_demo()
    assert content_counts() == first


def test_demo_staff_member_has_an_open_pulse_invitation(var_dir):
    output = run_demo()
    for slug in (builder.CHILDCARE_SLUG, builder.SCHOOL_SLUG):
        invitation = ScanInvitation.objects.get(
            campaign__organisation__slug=slug,
            campaign__instrument_version__key="pulse",
            person__email=builder.login_email(slug, "medewerker"),
        )
        assert invitation.used_on is None
    assert output.count("/vragenlijst/") == 2


def test_demo_pulse_link_opens_the_questionnaire(var_dir, client):
    output = run_demo()
    link = next(line for line in output.splitlines() if "/vragenlijst/" in line)
    path = link[link.index("/vragenlijst/") :].strip()
    assert client.get(path).status_code == 200
