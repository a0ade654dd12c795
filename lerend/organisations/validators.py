"""Format checks for Dutch registry numbers. One place for each rule."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# BRIN: two digits and two letters (bestuur/school), optionally two digits for a vestiging.
BRIN_RE = re.compile(r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$")
# Landelijk Register Kinderopvang: a registration number of nine digits.
LRK_RE = re.compile(r"^[0-9]{9}$")


def validate_brin(value: str) -> None:
    if value and not BRIN_RE.match(value):
        raise ValidationError(
            _("A BRIN code has two digits and two capital letters, e.g. 12AB (or 12AB01)."),
            code="brin",
        )


def validate_lrk(value: str) -> None:
    if value and not LRK_RE.match(value):
        raise ValidationError(
            _("An LRK number has exactly nine digits, e.g. 123456789."), code="lrk"
        )
