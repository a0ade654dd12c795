"""Sector wording and options: the one place that knows how a childcare organisation and a
school board speak and what each of them does. Apps ask here instead of testing the sector
themselves (kinderopvang: pedagogisch medewerker, groep, locatie; school: leerkracht, klas,
school)."""

from django.utils.translation import gettext as _

from .models import Sector, TeamKind

# A team of staff only (a support team, a management team): it has no children or pupils of
# its own, so it never gets letters with codes for parents or pupils.
STAFF_ONLY_TEAM_KINDS = frozenset({TeamKind.TEAM})


def is_childcare(organisation) -> bool:
    return organisation.sector == Sector.KINDEROPVANG


def staff_plural(organisation) -> str:
    """Who works with the children: "Pedagogisch medewerkers" or "Leraren en medewerkers"."""
    return _("Pedagogical staff") if is_childcare(organisation) else _("Teachers and staff")


def offers_lessons(organisation) -> bool:
    """Schools teach lessons (lesson visits, lesson design); childcare does not."""
    return not is_childcare(organisation)


def holds_children(team) -> bool:
    """A group, class or year-group cluster has children of its own; a staff team does not."""
    return team.kind not in STAFF_ONLY_TEAM_KINDS
