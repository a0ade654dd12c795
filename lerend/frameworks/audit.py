"""Audit-log words for what other apps record about this app's data; collected by
lerend.organisations.audit."""

from .registry import block


def _block_name(key) -> str:
    try:
        return str(block(key).name)
    except KeyError:
        return str(key)


# Every app stores building blocks as keys; the log shows their names.
FIELD_VALUES = {"building_blocks": _block_name}
