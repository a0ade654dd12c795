"""Every write of the learning area: the app's write API. The code lives in one module per
sub-domain; callers (in and outside the app) use this package.

No AuditEntry is written for personal records on purpose: the audit log is readable by the
beheerder, and even "A shared entry 12 with B" tells a role something about a private
record. The records carry their own timestamps; sharing is visible to the owner. The PD
catalogue and budgets are organisation settings that cost money: those writes are audited."""

from .feedback import answer_feedback, create_feedback_request
from .journal import create_entry, delete_entry, set_reminder, update_entry
from .pd import (
    PD_FIELDS,
    answer_applied,
    create_pd_activity,
    mark_attended,
    register,
    save_writeup,
    set_budget,
    update_pd_activity,
)
from .plan import (
    add_activity,
    add_evidence,
    add_goal,
    delete_evidence,
    get_or_create_plan,
    toggle_activity,
    update_goal,
)
from .reflection import (
    REFLECTION_FIELDS,
    create_reflection,
    reflection_to_action,
    update_reflection,
)
from .reviews import confirm_review, create_review, save_review_notes
from .sharing import revoke_share, share

__all__ = [
    "PD_FIELDS",
    "REFLECTION_FIELDS",
    "add_activity",
    "add_evidence",
    "add_goal",
    "answer_applied",
    "answer_feedback",
    "confirm_review",
    "create_entry",
    "create_feedback_request",
    "create_pd_activity",
    "create_reflection",
    "create_review",
    "delete_entry",
    "delete_evidence",
    "get_or_create_plan",
    "mark_attended",
    "reflection_to_action",
    "register",
    "revoke_share",
    "save_review_notes",
    "save_writeup",
    "set_budget",
    "set_reminder",
    "share",
    "toggle_activity",
    "update_entry",
    "update_goal",
    "update_pd_activity",
    "update_reflection",
]
