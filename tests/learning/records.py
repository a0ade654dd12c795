"""One of every learning record for an owner, keyed by URL kwarg name — for tenancy
matrices (tests/learning/test_matrix.py, and tests/test_tenancy_matrix.py once it
registers the learning kwargs)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from lerend.learning import services
from lerend.organisations.access import resolve_access

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def make_records(org, owner, coach) -> dict[str, int]:
    """``coach`` must cover ``owner`` (e.g. an organisation-wide coach)."""
    access = resolve_access(owner, org)
    entry = services.create_entry(organisation=org, owner=owner, body="Privé")
    plan = services.get_or_create_plan(organisation=org, owner=owner, year=2026)
    goal = services.add_goal(plan=plan, title="Doel")
    return {
        "entry_id": entry.pk,
        "plan_id": plan.pk,
        "plan_goal_id": goal.pk,
        "activity_id": services.add_activity(goal=goal, description="Iets").pk,
        "evidence_id": services.add_evidence(
            plan=plan, kind="file", title="F", uploaded=SimpleUploadedFile("f.png", PNG)
        ).pk,
        "review_id": services.create_review(
            access=access, plan=plan, kind="planning", reviewer=coach
        ).pk,
        "share_id": services.share(access=access, owner=owner, entry=entry, person=coach).pk,
    }
