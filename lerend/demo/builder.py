"""Deterministic demo organisations, and a scale organisation for benchmarks.

A *plan* is plain data (locations, teams, people, memberships) made from a seeded
``random.Random``; the same seed always gives the same plan. ``write_plan`` turns it into rows
with ``bulk_create`` so that 15,000 people take seconds, not minutes.

No audit entries are written: generating demo data is not an action by a person in the
organisation, and an audit log full of generated rows would only hide real changes.
"""

import datetime
import json
import random
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, make_password
from django.db import transaction
from django.utils.crypto import get_random_string

from lerend.accounts.models import User
from lerend.organisations.models import (
    Location,
    LocationKind,
    Membership,
    Organisation,
    Role,
    Scope,
    Sector,
    Team,
    TeamKind,
)

from . import data

DEMO_PASSWORD = "lerend-demo-2026"
DEMO_URL = "http://127.0.0.1:8000/"
CHILDCARE_SLUG = "kinderopvang-zonnebloem"
SCHOOL_SLUG = "stichting-kompas"
SCALE_PREFIX = "schaal-"
LOGIN_ROLES = [
    Role.MEDEWERKER,
    Role.TEAMLEIDER,
    Role.LOCATIEMANAGER,
    Role.COACH,
    Role.BESTUURDER,
    Role.BEHEERDER,
]
BATCH_SIZE = 2000
FTE_STAFF = [Decimal(f"0.{n}") for n in range(4, 10)] + [Decimal("1.0")]
FTE_LEAD = [Decimal("0.8"), Decimal("0.9"), Decimal("1.0")]


def domain_for(slug: str) -> str:
    # .example is reserved (RFC 2606): demo mail can never reach a real inbox.
    return f"{slug}.example"


def login_email(slug: str, role: str) -> str:
    return f"{role}@{domain_for(slug)}"


@dataclass
class Plan:
    name: str
    slug: str
    sector: str
    locations: list[dict] = field(default_factory=list)
    teams: list[tuple[int, str, str]] = field(default_factory=list)  # (location, name, kind)
    people: list[tuple[str, str]] = field(default_factory=list)  # (name, email)
    # (person, role, scope, location index or None, team index or None, fte, start date)
    memberships: list[tuple] = field(default_factory=list)
    login_people: set[int] = field(default_factory=set)


class PlanMaker:
    """Helpers shared by the plans: made-up people with unique names and e-mail addresses."""

    def __init__(self, plan: Plan, seed: str, unique_names: bool = True):
        self.plan = plan
        self.rng = random.Random(seed)
        self.unique_names = unique_names
        self.names: set[str] = set()
        self.emails: set[str] = set()
        self.logins_done: set[str] = set()

    def make_name(self) -> tuple[str, str, str]:
        rng = self.rng
        while True:
            first = rng.choice(data.FIRST_NAMES)
            if rng.random() < data.PREFIX_SHARE:
                prefix = rng.choice(data.SURNAME_PREFIXES)
                surname = rng.choice(data.PREFIXED_SURNAMES[prefix])
            else:
                prefix, surname = "", rng.choice(data.SURNAMES)
            full = " ".join(part for part in (first, prefix, surname) if part)
            if not self.unique_names or full not in self.names:
                self.names.add(full)
                return full, first, prefix + surname

    def person(self, login_role: str | None = None, email: str | None = None) -> int:
        """Add a made-up person; the first one added for a log-in role gets its log-in address."""
        full, first, last = self.make_name()
        if login_role and login_role not in self.logins_done:
            self.logins_done.add(login_role)
            email = login_email(self.plan.slug, login_role)
            self.plan.login_people.add(len(self.plan.people))
        if email is None:
            local = _ascii(f"{first}.{last}")
            email = f"{local}@{domain_for(self.plan.slug)}"
            number = 2
            while email in self.emails:
                email = f"{local}{number}@{domain_for(self.plan.slug)}"
                number += 1
        self.emails.add(email)
        self.plan.people.append((full, email))
        return len(self.plan.people) - 1

    def member(self, person, role, *, location=None, team=None, fte=None):
        if team is not None:
            scope, location = Scope.TEAM, self.plan.teams[team][0]
        elif location is not None:
            scope = Scope.LOCATION
        else:
            scope = Scope.ORGANISATION
        if fte is None:
            fte = self.rng.choice(FTE_STAFF if role == Role.MEDEWERKER else FTE_LEAD)
        start = datetime.date(2015, 8, 1) + datetime.timedelta(days=self.rng.randrange(3000))
        self.plan.memberships.append((person, role, scope, location, team, fte, start))

    def address(self) -> str:
        return f"{self.rng.choice(data.STREETS)} {self.rng.randint(1, 180)}"


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch == ".")


def childcare_plan() -> Plan:
    plan = Plan("Kinderopvang Zonnebloem", CHILDCARE_SLUG, Sector.KINDEROPVANG)
    make = PlanMaker(plan, seed="zonnebloem-2026")
    places = make.rng.sample(data.PLACES, 2)
    for index, (kind, name, groups) in enumerate(data.CHILDCARE_LOCATIONS):
        plan.locations.append(
            {
                "name": name,
                "kind": kind,
                "lrk_number": str(make.rng.randrange(100_000_000, 1_000_000_000)),
                "address": make.address(),
                "place": places[index % 2],
            }
        )
        plan.teams += [(index, group, TeamKind.GROEP) for group in groups]

    make.member(make.person(Role.BESTUURDER), Role.BESTUURDER, fte=Decimal("1.0"))
    make.member(make.person(Role.BEHEERDER), Role.BEHEERDER, fte=Decimal("0.8"))
    # The pedagogisch beleidsmedewerker/coach for the whole organisation.
    make.member(make.person(Role.COACH), Role.COACH, fte=Decimal("0.6"))
    group_staff: list[list[int]] = []
    for location in range(len(plan.locations)):
        make.member(make.person(Role.LOCATIEMANAGER), Role.LOCATIEMANAGER, location=location)
        first_team = location * 4
        # Two teamleiders per location, each leading two groups (two memberships each).
        for pair in (0, 2):
            leader = make.person(Role.TEAMLEIDER)
            for team in (first_team + pair, first_team + pair + 1):
                make.member(leader, Role.TEAMLEIDER, team=team)
    for team in range(len(plan.teams)):
        size = 7 if team % 3 == 0 else 6
        staff = [make.person(Role.MEDEWERKER) for _ in range(size)]
        for person in staff:
            make.member(person, Role.MEDEWERKER, team=team)
        group_staff.append(staff)
    # People with two memberships: two pedagogisch medewerkers coach another location, and
    # one works in a group at a second location.
    make.member(group_staff[1][1], Role.COACH, location=2, fte=Decimal("0.2"))
    make.member(group_staff[9][1], Role.COACH, location=0, fte=Decimal("0.2"))
    make.member(group_staff[5][2], Role.MEDEWERKER, team=14, fte=Decimal("0.4"))
    return plan


def school_plan() -> Plan:
    plan = Plan("Stichting Kompas", SCHOOL_SLUG, Sector.PO)
    make = PlanMaker(plan, seed="kompas-2026")
    places = make.rng.sample(data.PLACES, 3)
    brins: set[str] = set()
    for index, name in enumerate(data.SCHOOLS):
        brin = ""
        while not brin or brin in brins:
            letters = "".join(make.rng.choice("ABCDEFGHJKLMNPRSTVWXZ") for _ in range(2))
            brin = f"{make.rng.randint(10, 99)}{letters}"
        brins.add(brin)
        plan.locations.append(
            {
                "name": name,
                "kind": LocationKind.SCHOOL,
                "brin": brin,
                "address": make.address(),
                "place": places[index],
            }
        )
        plan.teams += [(index, team, kind) for kind, team in data.SCHOOL_TEAMS]

    # A college van bestuur of two.
    for _ in range(2):
        make.member(make.person(Role.BESTUURDER), Role.BESTUURDER, fte=Decimal("1.0"))
    make.member(make.person(Role.BEHEERDER), Role.BEHEERDER, fte=Decimal("0.6"))
    make.member(make.person(Role.COACH), Role.COACH, fte=Decimal("0.8"))
    teachers: list[list[int]] = []
    for location in range(len(plan.locations)):
        # The directeur of the school.
        make.member(make.person(Role.LOCATIEMANAGER), Role.LOCATIEMANAGER, location=location)
        for offset, (kind, _name) in enumerate(data.SCHOOL_TEAMS):
            team = location * len(data.SCHOOL_TEAMS) + offset
            if kind == TeamKind.BOUW:
                # The bouwcoördinator leads the bouw.
                make.member(make.person(Role.TEAMLEIDER), Role.TEAMLEIDER, team=team)
            size = 13 if kind == TeamKind.BOUW else 5
            staff = [make.person(Role.MEDEWERKER) for _ in range(size)]
            for person in staff:
                make.member(person, Role.MEDEWERKER, team=team)
            teachers.append(staff)
    # Two memberships: a leraar coaches at another school; a vakleerkracht works at two schools.
    make.member(teachers[2][3], Role.COACH, location=1, fte=Decimal("0.2"))
    make.member(teachers[4][12], Role.MEDEWERKER, team=11, fte=Decimal("0.4"))
    return plan


def _scale_shape(staff: int) -> tuple[int, int, int]:
    """(locations, teams, coaches) for a scale organisation of ``staff`` people."""
    n_locations = max(1, round(staff / 300))
    return n_locations, max(1, round(staff / 19)), max(1, n_locations // 10)


def scale_minimum(staff: int) -> int:
    """Fewest people that fill every leading role and put one medewerker in every team."""
    n_locations, n_teams, n_coaches = _scale_shape(staff)
    return 2 + n_locations + n_coaches + 2 * n_teams


def scale_plan(staff: int) -> Plan:
    """``staff`` people over about staff/19 teams and staff/300 locations; every person has one
    membership: bestuurder, beheerder, a locatiemanager per location, a coach per ten
    locations, a teamleider per team, and medewerkers spread evenly over the teams."""
    slug = f"{SCALE_PREFIX}{staff}"
    plan = Plan(f"Schaalorganisatie {staff}", slug, Sector.PO)
    n_locations, n_teams, n_coaches = _scale_shape(staff)
    leaders = 2 + n_locations + n_coaches + n_teams
    if staff < scale_minimum(staff):
        raise ValueError(f"--scale needs at least {scale_minimum(staff)} people")
    make = PlanMaker(plan, seed=f"schaal-{staff}", unique_names=False)
    for index in range(n_locations):
        plan.locations.append(
            {
                "name": f"Locatie {index + 1:03d}",
                "kind": LocationKind.SCHOOL,
                "address": make.address(),
                "place": make.rng.choice(data.PLACES),
            }
        )
    words = data.SCALE_TEAM_WORDS
    for index in range(n_teams):
        name = f"Team {words[index % len(words)]} {index // len(words) + 1}"
        # Mostly year-group clusters with pupils of their own; every fourth a staff-only
        # support team, as a school board has.
        kind = TeamKind.TEAM if index % 4 == 3 else TeamKind.BOUW
        plan.teams.append((index % n_locations, name, kind))

    def numbered(role):
        # Numbered addresses: cheap and unique however many people there are.
        email = f"persoon{len(plan.people) + 1:05d}@{domain_for(slug)}"
        return make.person(role, email=email)

    make.member(numbered(Role.BESTUURDER), Role.BESTUURDER)
    make.member(numbered(Role.BEHEERDER), Role.BEHEERDER)
    for location in range(n_locations):
        make.member(numbered(Role.LOCATIEMANAGER), Role.LOCATIEMANAGER, location=location)
    for coach in range(n_coaches):
        make.member(numbered(Role.COACH), Role.COACH, location=coach * 10 % n_locations)
    for team in range(n_teams):
        make.member(numbered(Role.TEAMLEIDER), Role.TEAMLEIDER, team=team)
    for index in range(staff - leaders):
        make.member(numbered(Role.MEDEWERKER), Role.MEDEWERKER, team=index % n_teams)
    return plan


@transaction.atomic
def write_plan(plan: Plan, *, password_hash: str, others_hash: str | None = None) -> Organisation:
    """Create the plan's organisation, locations, teams, people and memberships.

    Side effects: inserts rows in bulk; log-in people get ``password_hash``, everyone else
    ``others_hash`` (defaults to the same hash). No audit entries (see module docstring).
    """
    others_hash = others_hash or password_hash
    organisation = Organisation.objects.create(
        name=plan.name,
        slug=plan.slug,
        sector=plan.sector,
        anonymity_threshold=5,
        # Demo log-ins must work at once, without enrolling an authenticator first.
        two_factor_roles=[],
    )
    locations = Location.objects.bulk_create(
        [Location(organisation=organisation, **spec) for spec in plan.locations],
        batch_size=BATCH_SIZE,
    )
    teams = Team.objects.bulk_create(
        [
            Team(organisation=organisation, location=locations[loc], name=name, kind=kind)
            for loc, name, kind in plan.teams
        ],
        batch_size=BATCH_SIZE,
    )
    people = User.objects.bulk_create(
        [
            User(
                email=email,
                name=name,
                language="nl",
                password=password_hash if index in plan.login_people else others_hash,
            )
            for index, (name, email) in enumerate(plan.people)
        ],
        batch_size=BATCH_SIZE,
    )
    Membership.objects.bulk_create(
        [
            Membership(
                person=people[person],
                organisation=organisation,
                role=role,
                scope=scope,
                location=locations[loc] if loc is not None else None,
                team=teams[team] if team is not None else None,
                fte=fte,
                start_date=start,
            )
            for person, role, scope, loc, team, fte, start in plan.memberships
        ],
        batch_size=BATCH_SIZE,
    )
    return organisation


@transaction.atomic
def remove(slug: str) -> None:
    """Delete a demo organisation and its made-up people (identified by the demo domain)."""
    Organisation.objects.filter(slug=slug).delete()
    User.objects.filter(email__endswith=f"@{domain_for(slug)}").delete()


@transaction.atomic
def refresh(plan: Plan, *, password_hash: str) -> Organisation:
    """For an organisation that exists already: restore the demo settings and log-ins, add
    nothing. Side effects: updates the organisation and the log-in accounts' passwords."""
    organisation = Organisation.objects.get(slug=plan.slug)
    organisation.two_factor_roles = []
    organisation.anonymity_threshold = 5
    organisation.save(update_fields=["two_factor_roles", "anonymity_threshold"])
    emails = [login_email(plan.slug, role) for role in LOGIN_ROLES]
    User.objects.filter(email__in=emails).update(password=password_hash, is_active=True)
    return organisation


@dataclass
class Outcome:
    organisation: Organisation
    created: bool


def build(plan: Plan, *, rebuild: bool = False, demo_password_for_all: bool = True) -> Outcome:
    """Build the plan unless its organisation exists (then only refresh the log-ins)."""
    # Hash once: Argon2 is slow on purpose, and every demo account may share the one hash.
    password_hash = make_password(DEMO_PASSWORD)
    if rebuild:
        remove(plan.slug)
    if Organisation.objects.filter(slug=plan.slug).exists():
        return Outcome(refresh(plan, password_hash=password_hash), created=False)
    # In the demo organisations anyone in the people list can be logged in as, which helps a
    # presenter; in a scale organisation only the log-in accounts have a usable password.
    others = None if demo_password_for_all else UNUSABLE_PASSWORD_PREFIX + get_random_string(40)
    organisation = write_plan(plan, password_hash=password_hash, others_hash=others)
    return Outcome(organisation, created=True)


def build_scale(staff: int, *, rebuild: bool = False) -> Outcome:
    return build(scale_plan(staff), rebuild=rebuild, demo_password_for_all=False)


def demo_logins() -> list[dict]:
    """Log-ins of every demo organisation in the database, in a fixed order."""
    slugs = [CHILDCARE_SLUG, SCHOOL_SLUG]
    organisations = {
        org.slug: org
        for org in Organisation.objects.filter(slug__in=slugs)
        | Organisation.objects.filter(slug__startswith=SCALE_PREFIX)
    }
    ordered = [organisations[slug] for slug in slugs if slug in organisations]
    ordered += sorted(
        (org for slug, org in organisations.items() if slug not in slugs),
        key=lambda org: org.slug,
    )
    existing = set(
        User.objects.filter(
            email__in=[login_email(o.slug, r) for o in ordered for r in LOGIN_ROLES]
        ).values_list("email", flat=True)
    )
    return [
        {
            "organisation": org.name,
            "slug": org.slug,
            "role": str(role.value),
            "email": login_email(org.slug, role),
            "password": DEMO_PASSWORD,
        }
        for org in ordered
        for role in LOGIN_ROLES
        if login_email(org.slug, role) in existing
    ]


def write_logins_file(logins: list[dict]):
    path = settings.VAR_DIR / "demo-logins.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(logins, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
