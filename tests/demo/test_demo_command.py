import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import translation

from lerend.accounts.models import User
from lerend.demo import builder
from lerend.organisations.models import Location, Membership, Organisation, Role, Team

pytestmark = pytest.mark.django_db

SLUGS = [builder.CHILDCARE_SLUG, builder.SCHOOL_SLUG]


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def run_demo(*args):
    out = StringIO()
    with translation.override("nl"):
        call_command("demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        "organisations": Organisation.objects.count(),
        "locations": Location.objects.count(),
        "teams": Team.objects.count(),
        "people": User.objects.count(),
        "memberships": Membership.objects.count(),
    }


def role_counts(slug):
    rows = (
        Membership.objects.filter(organisation__slug=slug)
        .values_list("role")
        .annotate(n=Count("id"))
        .order_by("role")
    )
    return dict(rows)


def test_demo_command_creates_childcare_organisation_with_exact_counts(var_dir):
    run_demo()
    org = Organisation.objects.get(slug=builder.CHILDCARE_SLUG)
    assert org.sector == "kinderopvang"
    assert org.locations.count() == 4
    assert sorted(org.locations.values_list("kind", flat=True)) == [
        "bso",
        "kdv",
        "kindercentrum",
        "kindercentrum",
    ]
    assert org.teams.filter(kind="groep").count() == 16
    assert Membership.objects.filter(organisation=org).values("person").distinct().count() == 117
    assert role_counts(org.slug) == {
        "beheerder": 1,
        "bestuurder": 1,
        "coach": 3,
        "locatiemanager": 4,
        "medewerker": 103,
        "teamleider": 16,
    }


def test_demo_command_creates_school_board_with_exact_counts(var_dir):
    run_demo()
    org = Organisation.objects.get(slug=builder.SCHOOL_SLUG)
    assert org.sector == "po"
    assert org.locations.filter(kind="school").count() == 3
    assert dict(org.teams.values_list("kind").annotate(n=Count("id")).order_by("kind")) == {
        "bouw": 9,
        "team": 3,
    }
    assert Membership.objects.filter(organisation=org).values("person").distinct().count() == 148
    assert role_counts(org.slug) == {
        "beheerder": 1,
        "bestuurder": 2,
        "coach": 2,
        "locatiemanager": 3,
        "medewerker": 133,
        "teamleider": 9,
    }


def test_demo_command_organisations_log_in_without_two_factor_and_k_five(var_dir):
    run_demo()
    for org in Organisation.objects.filter(slug__in=SLUGS):
        assert org.two_factor_roles == []
        assert org.anonymity_threshold == 5


def test_demo_command_has_people_with_two_memberships(var_dir):
    run_demo()
    for slug, expected in ((builder.CHILDCARE_SLUG, 11), (builder.SCHOOL_SLUG, 2)):
        doubles = (
            Membership.objects.filter(organisation__slug=slug)
            .values("person")
            .annotate(n=Count("id"))
            .filter(n=2)
        )
        assert doubles.count() == expected
    # A pedagogisch medewerker in a group who coaches another location.
    staff_and_coach = (
        Membership.objects.filter(organisation__slug=builder.CHILDCARE_SLUG, role=Role.COACH)
        .filter(person__memberships__role=Role.MEDEWERKER)
        .exclude(location=None)
    )
    assert staff_and_coach.count() == 2


def test_demo_command_is_idempotent(var_dir):
    run_demo()
    first = counts()
    output = run_demo()
    assert counts() == first
    assert first == {
        "organisations": 2,
        "locations": 7,
        "teams": 28,
        "people": 265,
        "memberships": 278,
    }
    assert "bestaat al" in output


def test_demo_command_rebuild_gives_the_same_data(var_dir):
    run_demo()
    emails = sorted(User.objects.values_list("email", "name"))
    run_demo("--rebuild")
    assert sorted(User.objects.values_list("email", "name")) == emails
    assert counts()["memberships"] == 278


def test_demo_plans_are_deterministic():
    assert builder.childcare_plan() == builder.childcare_plan()
    assert builder.school_plan() == builder.school_plan()


def test_demo_logins_file_has_one_entry_per_role_per_organisation(var_dir):
    run_demo()
    logins = json.loads((var_dir / "demo-logins.json").read_text())
    assert [(row["slug"], row["role"]) for row in logins] == [
        (slug, role.value) for slug in SLUGS for role in builder.LOGIN_ROLES
    ]
    assert {row["password"] for row in logins} == {"lerend-demo-2026"}
    assert set(logins[0]) == {"organisation", "slug", "role", "email", "password"}
    assert logins[0]["organisation"] == "Kinderopvang Zonnebloem"


def test_demo_logins_work_and_have_their_role(var_dir, client):
    run_demo()
    for row in json.loads((var_dir / "demo-logins.json").read_text()):
        assert client.login(email=row["email"], password=row["password"]), row["email"]
        person = User.objects.get(email=row["email"])
        assert person.memberships.filter(organisation__slug=row["slug"], role=row["role"]).exists()
        response = client.get(f"/o/{row['slug']}/")
        assert response.status_code == 200, row["email"]
        client.logout()


def test_demo_command_restores_a_changed_login_password(var_dir, client):
    run_demo()
    board = User.objects.get(email=builder.login_email(builder.SCHOOL_SLUG, "bestuurder"))
    board.set_password("iets-anders-2026")
    board.save()
    run_demo()
    assert client.login(email=board.email, password=builder.DEMO_PASSWORD)


def test_demo_command_prints_the_logins_in_dutch(var_dir):
    output = run_demo()
    assert "http://127.0.0.1:8000/" in output
    assert "Wachtwoord" in output
    assert "bestuurder@stichting-kompas.example" in output
    assert output.count("lerend-demo-2026") == 12


def test_demo_locations_and_teams_pass_validation(var_dir):
    run_demo()
    locations = Location.objects.filter(organisation__slug__in=SLUGS)
    for location in locations:
        location.full_clean()
    for team in Team.objects.filter(organisation__slug__in=SLUGS):
        team.full_clean()
    childcare = locations.filter(organisation__slug=builder.CHILDCARE_SLUG)
    assert all(len(location.lrk_number) == 9 for location in childcare)
    schools = locations.filter(organisation__slug=builder.SCHOOL_SLUG)
    assert len({location.brin for location in schools}) == 3
    assert all(location.address and location.place for location in locations)


def test_demo_memberships_pass_validation(var_dir):
    run_demo()
    for membership in Membership.objects.select_related("person", "organisation"):
        membership.full_clean()
    staff_fte = Membership.objects.filter(role=Role.MEDEWERKER).exclude(fte__gte=0.4)
    assert staff_fte.count() == 0


def test_demo_people_have_unique_names_and_emails(var_dir):
    run_demo()
    for slug in SLUGS:
        people = User.objects.filter(memberships__organisation__slug=slug).distinct()
        names = list(people.values_list("name", flat=True))
        emails = list(people.values_list("email", flat=True))
        assert len(names) == len(set(names))
        assert len(emails) == len(set(emails))
        assert all(email.endswith(f"@{slug}.example") for email in emails)


def test_demo_scale_builds_staff_over_teams(var_dir):
    output = run_demo("--scale", "400")
    org = Organisation.objects.get(slug="schaal-400")
    assert org.locations.count() == 1
    assert org.teams.count() == 21
    assert Membership.objects.filter(organisation=org).count() == 400
    assert User.objects.filter(email__endswith="@schaal-400.example").count() == 400
    assert role_counts("schaal-400") == {
        "beheerder": 1,
        "bestuurder": 1,
        "coach": 1,
        "locatiemanager": 1,
        "medewerker": 375,
        "teamleider": 21,
    }
    assert "schaal-400" in output
    # Only the scale organisation exists, so the file lists its six log-ins.
    logins = json.loads((var_dir / "demo-logins.json").read_text())
    assert [row["slug"] for row in logins] == ["schaal-400"] * 6


def test_demo_scale_is_idempotent_and_rebuilds(var_dir):
    run_demo("--scale", "400")
    first = counts()
    run_demo("--scale", "400")
    assert counts() == first
    run_demo("--scale", "400", "--rebuild")
    assert counts() == first


def test_demo_scale_only_log_ins_have_a_usable_password(var_dir):
    run_demo("--scale", "400")
    people = User.objects.filter(email__endswith="@schaal-400.example")
    usable = [person.email for person in people if person.has_usable_password()]
    assert sorted(usable) == sorted(
        builder.login_email("schaal-400", role) for role in builder.LOGIN_ROLES
    )


def test_demo_scale_too_small_is_refused(var_dir):
    with pytest.raises(CommandError):
        run_demo("--scale", "3")
    assert Organisation.objects.count() == 0


def test_demo_command_help_prints(capsys):
    from django.core.management import call_command

    with pytest.raises(SystemExit) as exit_info:
        call_command("demo", "--help")
    assert exit_info.value.code == 0
    assert "--scale N" in capsys.readouterr().out


def test_demo_command_prints_links_on_the_port_it_serves(var_dir):
    """`make demo PORT=8123` passes --url: every printed link names that address."""
    output = run_demo("--url", "http://127.0.0.1:8123")
    assert "http://127.0.0.1:8123/" in output
    assert "127.0.0.1:8000" not in output
    links = re.findall(r"https?://\S+", output)
    assert len(links) >= 3  # the log-in page and each organisation's pulse link
    assert all(link.startswith("http://127.0.0.1:8123/") for link in links), links
