"""Background work of management: the daily retention run (docs/privacy.md)."""

from django.tasks import task

from . import privacy


@task
def apply_retention() -> int:
    """Daily: remove in every organisation what has passed its retention period (every
    app's ``retention`` work). Idempotent: what is gone stays gone, a second run removes
    nothing more. Returns the number of organisations done."""
    return privacy.apply_retention_everywhere()
