"""The one place where links to the building blocks of the learning-organisation model are
checked. Goals and actions store block keys (not rows), so every write goes through here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lerend.frameworks.registry import block_keys


def validate_block_keys(value) -> None:
    """``value`` must be a list of known building-block keys without duplicates."""
    if not isinstance(value, list | tuple):
        raise ValidationError(_("Building blocks must be a list."), code="invalid")
    known = set(block_keys())
    unknown = [key for key in value if key not in known]
    if unknown:
        raise ValidationError(
            _("Unknown building block: %(keys)s.") % {"keys": ", ".join(map(str, unknown))},
            code="unknown_block",
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("A building block is listed twice."), code="duplicate")
