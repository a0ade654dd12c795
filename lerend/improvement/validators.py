"""The validator named by the building-block fields of goals, actions and themes — and by
their migrations, which refer to it by this path. The check itself is
``frameworks.fields.validate_block_keys``, shared by every app."""

from lerend.frameworks import fields


def validate_block_keys(value) -> None:
    """``value`` must be a list of known building-block keys without duplicates."""
    fields.validate_block_keys(value)
