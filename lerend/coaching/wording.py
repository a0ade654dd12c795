"""Sector wording: kinderopvang speaks of pedagogisch medewerkers, schools of leraren."""

from django.utils.translation import gettext as _


def staff_plural(organisation) -> str:
    return _("Pedagogical staff") if organisation.is_childcare else _("Teachers and staff")
