"""Realistic content for the demo organisations, written through the apps' own services.

Called by the ``demo`` command after the organisations exist. Each app that has demo content
names an ``add_demo(demo)`` function in its ``contrib.py`` (``demo_content``); this module
runs them in ``demo_order`` with a ``DemoContext`` and never imports a domain app. Each part
is skipped when it is already there, so running the command twice adds nothing, and
randomness is seeded per organisation, so the content is the same every time.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from lerend.accounts.models import User
from lerend.kit import contrib
from lerend.organisations.models import Membership, Organisation, Sector, Team

from . import builder


@dataclass
class DemoContext:
    """What an app's demo content may ask of the demo: its organisation and day, the demo
    log-ins, a person's team, the text for the organisation's sector, and a place to leave
    lines for the person running the command."""

    organisation: Organisation
    today: datetime.date
    notes: list[str] = field(default_factory=list)
    base_url: str = builder.DEMO_URL

    @property
    def is_childcare(self) -> bool:
        return self.organisation.sector == Sector.KINDEROPVANG

    def texts(self, childcare, school):
        return childcare if self.is_childcare else school

    def login_email(self, role) -> str:
        return builder.login_email(self.organisation.slug, role)

    def login_emails(self) -> set[str]:
        return {self.login_email(role) for role in builder.LOGIN_ROLES}

    def login(self, role) -> User:
        return User.objects.get(email=self.login_email(role))

    def team_of(self, person) -> Team:
        membership = (
            Membership.objects.filter(
                person=person, organisation=self.organisation, team__isnull=False
            )
            .select_related("team")
            .order_by("id")
            .first()
        )
        return membership.team

    def link(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def note(self, line: str) -> None:
        self.notes.append(line)


@dataclass
class Summary:
    organisation: Organisation
    added: list[str]
    notes: list[str]


def add_content(organisation, base_url: str = builder.DEMO_URL) -> Summary:
    """Add what is missing. Side effects: whatever the apps' ``add_demo`` write."""
    demo = DemoContext(organisation, timezone.localdate(), base_url=base_url)
    added = []
    for contributor in contrib.demo_contributions():
        added += contributor.contribution.demo_content(demo)
    return Summary(organisation, added, demo.notes)
