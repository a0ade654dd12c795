"""The Wet IKK hours norm for pedagogisch beleidsmedewerkers/coaches, as a pure function.

Besluit kwaliteit kinderopvang, art. 4 (as the government's rekentool applies it):

    minimum hours a year = 50 h × the number of kindercentra (per LRK registration; a
                           location with both a KDV and a BSO registration counts twice)
                         + 10 h × the FTE of pedagogisch medewerkers on 1 January (36 h = 1
                           FTE; flexible staff by their average inzet over the three months
                           before)
                         + 10 h × the VE-children (2.5–4 years) on 1 January, per kindcentrum
                           (since 2022)

Everything is Decimal: the GGD checks the total to the tenth of an hour, and 72.81 FTE must
give exactly 728.1 hours. FTE is rounded to two decimals (half up), as memberships store it.
No database, no Django: the calculation can be tested exactly and by properties.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

HOURS_PER_REGISTRATION = Decimal(50)
HOURS_PER_FTE = Decimal(10)
HOURS_PER_VE_CHILD = Decimal(10)
HOURS_IN_AN_FTE_WEEK = Decimal(36)

_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


def fte(value) -> Decimal:
    """An FTE figure rounded to two decimals, half away from zero."""
    return Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)


def fte_from_weekly_hours(hours_per_week) -> Decimal:
    """Average hours a week → FTE (36 hours is one FTE)."""
    return fte(Decimal(hours_per_week) / HOURS_IN_AN_FTE_WEEK)


def hours(value) -> Decimal:
    """Hours to the tenth, half away from zero (the unit of the division and the GGD pack)."""
    return Decimal(value).quantize(_TENTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Step:
    """One line of the calculation: ``per`` hours × ``quantity`` = ``hours``."""

    key: str  # "policy", "coaching" or "ve"
    per: Decimal
    quantity: Decimal
    hours: Decimal


@dataclass(frozen=True)
class Norm:
    registrations: int
    staff_fte: Decimal
    flexible_fte: Decimal
    ve_children: int
    steps: tuple[Step, ...]

    @property
    def fte(self) -> Decimal:
        return self.staff_fte + self.flexible_fte

    @property
    def total(self) -> Decimal:
        return sum((step.hours for step in self.steps), Decimal(0))

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    @property
    def policy_hours(self) -> Decimal:
        return self.step("policy").hours

    @property
    def coaching_hours(self) -> Decimal:
        return self.step("coaching").hours

    @property
    def ve_hours(self) -> Decimal:
        return self.step("ve").hours


def calculate(*, registrations: int, staff_fte=0, flexible_fte=0, ve_children: int = 0) -> Norm:
    """The minimum hours of one houder for one year, step by step.

    ``registrations``: kindercentra counted per LRK registration; ``staff_fte``: FTE of
    pedagogisch medewerkers with a contract on 1 January; ``flexible_fte``: flexible staff's
    average inzet as FTE; ``ve_children``: VE-children on 1 January over all kindcentra."""
    if registrations < 0 or ve_children < 0:
        raise ValueError("counts cannot be negative")
    staff, flexible = fte(staff_fte), fte(flexible_fte)
    if staff < 0 or flexible < 0:
        raise ValueError("FTE cannot be negative")
    total_fte = staff + flexible
    steps = (
        Step(
            "policy",
            HOURS_PER_REGISTRATION,
            Decimal(registrations),
            HOURS_PER_REGISTRATION * registrations,
        ),
        Step("coaching", HOURS_PER_FTE, total_fte, hours(HOURS_PER_FTE * total_fte)),
        Step("ve", HOURS_PER_VE_CHILD, Decimal(ve_children), HOURS_PER_VE_CHILD * ve_children),
    )
    return Norm(registrations, staff, flexible, ve_children, steps)
