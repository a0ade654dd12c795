"""One of every collaboration record, keyed by URL kwarg name — for tenancy matrices
(tests/collaboration/test_matrix.py, and tests/test_tenancy_matrix.py once it registers
the collaboration kwargs)."""

import datetime

from lerend.collaboration import services
from tests.factories import member

PLAIN = {"method_key": "incidentmethode", "rubric_key": "klas"}


def make_records(org, observed, observer, *, shared_with=None) -> dict[str, int | str]:
    """``observed`` and ``observer`` are active members of ``org``; the visit is shared with
    ``shared_with`` (default: a new colleague — an observer already sees the visit, so
    sharing with them is refused)."""
    today = datetime.date.today()
    group = services.create_group(
        organisation=org, actor=observed, kind="intervisie", name="Intervisie", members=[observer]
    )
    meeting = services.plan_meeting(
        group=group,
        date=today,
        starts_at=datetime.time(15, 30),
        duration_minutes=60,
        method_key="incidentmethode",
        facilitator=observer,
        case_bringer=observed,
        notes="Vertrouwelijk",
    )
    design = services.save_design(organisation=org, actor=observed, title="Breuken")
    visit = services.plan_visit(
        organisation=org,
        actor=observer,
        observed=observed,
        observers=[observer],
        # A peer review visit: every visit page (including the report) applies to it.
        kind="visitatie",
        date=today,
        rubric_key="klas",
        lesson_design=design,
    )
    share = services.share_visit(
        actor=observed,
        visit=visit,
        person=shared_with or member(org),
    )
    return {
        "group_id": group.pk,
        "meeting_id": meeting.pk,
        "visit_id": visit.pk,
        "design_id": design.pk,
        "visit_share_id": share.pk,
        **PLAIN,
    }
