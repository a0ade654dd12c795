"""The one way Lerend writes a number for people: pages, charts, PDFs, exports' display
columns, sentences of advice and the API's display fields all call these.

Rounding is half away from zero (3,35 → 3,4; −0,25 → −0,3), on the decimal value as
written, never on a binary float's approximation (2,675 → 2,68, where ``round`` gives 2,67).
The decimal separator and the thousands grouping follow the active language (Dutch:
"1.678,1"; English: "1,678.1")."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import get_language

DASH = "–"
_SEPARATORS: dict[str | None, tuple[str, str]] = {}


def _separators() -> tuple[str, str]:
    language = get_language()
    found = _SEPARATORS.get(language)
    if found is None:
        found = (
            str(formats.get_format("DECIMAL_SEPARATOR", language, use_l10n=True)),
            str(formats.get_format("THOUSAND_SEPARATOR", language, use_l10n=True)),
        )
        _SEPARATORS[language] = found
    return found


def rounded(value, digits: int = 1) -> Decimal | None:
    """``value`` rounded half away from zero to ``digits`` decimals, as a Decimal; None
    stays None."""
    if value is None:
        return None
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    if not exact.is_finite():
        return exact
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def number(value, digits: int = 1) -> str:
    """A score, mean, hours or FTE: ``digits`` decimals, rounded half away from zero. None,
    NaN and infinity are shown as a dash."""
    if value is None:
        return DASH
    try:
        exact = rounded(value, digits)
    except (InvalidOperation, ValueError):
        return DASH
    if exact is None or not exact.is_finite():
        return DASH
    text = f"{exact:f}"
    decimal_sep, thousand_sep = _separators()
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _dot, decimals = text.partition(".")
    if sign and not whole.strip("0") and not decimals.strip("0"):
        sign = ""  # −0,0 is 0,0
    if len(whole) > 3:
        groups: list[str] = []
        while len(whole) > 3:
            whole, groups = whole[:-3], [whole[-3:], *groups]
        whole = thousand_sep.join([whole, *groups])
    return sign + whole + (decimal_sep + decimals if decimals else "")


def percent(share) -> str:
    """A share between 0 and 1 as a whole percentage: 0,385 → "39%"."""
    return DASH if share is None else number(Decimal(str(share)) * 100, 0) + "%"


def count(value) -> str:
    """A whole number of people, answers, hours: grouped, no decimals."""
    return number(value, 0)


def plain(value, digits: int = 1, *, decimal_separator: str = ",") -> str:
    """A number for a file a spreadsheet reads back: rounded as ``number``, no thousands
    grouping, the decimal comma of Dutch spreadsheets ("1678,1"); a dash-free empty text
    for None, NaN and infinity."""
    if value is None:
        return ""
    try:
        exact = rounded(value, digits)
    except (InvalidOperation, ValueError):
        return ""
    if exact is None or not exact.is_finite():
        return ""
    text = f"{exact:f}"
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]  # −0,0 is 0,0
    return text.replace(".", decimal_separator)
