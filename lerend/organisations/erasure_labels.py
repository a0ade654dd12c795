"""Words for what an erasure removes or unnames, per key the apps' erasers report (their
``erase`` and ``hand_over`` return ``{key: count}``); the preview and the audit entry show
these instead of the keys."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "api_keys": _("API keys"),
    "assignments": _("coach assignments"),
    "attendance": _("coaching sessions attended"),
    "notes_emptied": _("session notes emptied"),
    "plan_shares": _("shared coachplans"),
    "plans": _("coachplans"),
    "reminders": _("reminders"),
    "unnamed": _("records kept without name"),
    "calendar_feeds": _("calendar feeds"),
    "group_memberships": _("learning group memberships"),
    "visit_shares": _("shared visits"),
    "visits": _("visits"),
    "actions": _("actions"),
    "board_items": _("board items"),
    "goals": _("goals"),
    "steering_group": _("steering group membership"),
    "team_work_unnamed": _("team work kept without name"),
    "theme_projects": _("theme projects"),
    "theme_support": _("theme support"),
    "expertise": _("expertise directory entry"),
    "knowledge contact": _("knowledge entries where this person is the contact"),
    "knowledge drafts": _("knowledge drafts"),
    "knowledge entries": _("knowledge entries"),
    "knowledge entries kept without name": _("knowledge entries kept without name"),
    "development_plans": _("development plans (POP)"),
    "feedback_invites": _("feedback invitations"),
    "feedback_requests": _("feedback requests"),
    "journal_entries": _("journal entries"),
    "journal_reminders": _("journal reminders"),
    "pd_budgets": _("training budgets"),
    "pd_participations": _("training participations"),
    "shares": _("shares"),
    "monitoring_work_unnamed": _("monitoring work kept without name"),
    "network answers": _("advice network answers"),
    "network invitations": _("advice network invitations"),
    "audit_entries_unnamed": _("audit entries kept without name"),
    "handed_over": _("records handed over"),
    "invitations": _("invitations"),
    "invitations_unnamed": _("invitations kept without name"),
    "memberships": _("memberships"),
    "team_work": _("team work"),
    "partner agreements": _("partner agreements"),
    "partner links": _("partner links"),
    "campaigns_unnamed": _("campaigns kept without name"),
    "scan_invitations_unlinked": _("scan invitations unlinked from the person"),
}


def label(key: str) -> str:
    return str(LABELS.get(key, key.replace("_", " ")))
