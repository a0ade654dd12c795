"""Links to the building blocks, the one way every app takes them in: the form field, the
model validator and the check a service runs before it stores a list of keys.

Records store block keys (not rows), so every write goes through here. This lives in
``frameworks`` (not in ``lerend.kit``) because it reads the registry: the kit stays below
frameworks and depends on nothing of the model.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .registry import block_keys, building_blocks


def block_choices() -> list[tuple[str, str]]:
    """(key, name) per building block in the registry's order; names in the active language."""
    return [(b.key, str(b.name)) for b in building_blocks()]


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


def clean_block_keys(keys) -> list[str]:
    """The keys as a service stores them: each once, in the registry's order. Raises a
    ValidationError on the ``building_blocks`` field for a key the registry does not know."""
    known = block_keys()
    if any(k not in known for k in keys or []):
        raise ValidationError({"building_blocks": _("Unknown building block.")})
    return [k for k in known if k in set(keys or [])]


LABEL = gettext_lazy("Building blocks")


class BlocksField(forms.MultipleChoiceField):
    """Building blocks as checkboxes. The choices come from the registry when the form is
    drawn (so they follow the active language); an unknown key gets the validator's message."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, label=LABEL, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            choices=block_choices, label=label, validators=[validate_block_keys], **kwargs
        )

    def valid_value(self, value):
        return True  # validate_block_keys gives the one clear message
