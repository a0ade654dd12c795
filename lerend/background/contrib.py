"""What background work adds to the whole (see lerend/kit/contrib.py)."""

from lerend.kit.contrib import Contribution

from . import processing

contribution = Contribution(
    processing=processing.PROCESSING,
    daily_tasks=("lerend.background.tasks.purge_outbox",),
)
