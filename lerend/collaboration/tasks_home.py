"""Home-page tasks of the collaboration area (see contrib.py).
Only the person concerned ever sees a task; a task names no content of a visit or meeting."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.contrib import Task

from .models import GroupMeeting, Visit, VisitStatus


def tasks_for(request) -> list[Task]:
    """Meetings in the coming week where you facilitate or bring a case, and visits you are
    part of that took place but have no feedback yet (two queries)."""
    access, user = request.access, request.user
    slug = access.organisation.slug
    today = timezone.localdate()
    tasks = []
    meetings = (
        GroupMeeting.objects.filter(
            Q(facilitator=user) | Q(case_bringer=user),
            group__organisation=access.organisation,
            group__memberships__person=user,
            date__range=(today, today + datetime.timedelta(days=7)),
        )
        .select_related("group")
        .order_by("date", "starts_at")
    )
    for meeting in meetings:
        text = (
            _("You facilitate %(group)s on %(date)s")
            if meeting.facilitator_id == user.pk
            else _("You bring a case to %(group)s on %(date)s")
        )
        tasks.append(
            Task(
                text % {"group": meeting.group.name, "date": meeting.date.strftime("%d-%m")},
                reverse("collaboration:meeting_detail", args=[slug, meeting.pk]),
            )
        )
    visits = (
        Visit.objects.filter(
            Q(observed=user) | Q(observers=user),
            organisation=access.organisation,
            status=VisitStatus.PLANNED,
            date__lt=today,
        )
        .distinct()
        .order_by("date", "id")
    )
    for visit in visits:
        tasks.append(
            Task(
                _("Write the feedback of the visit of %(date)s")
                % {"date": visit.date.strftime("%d-%m")},
                reverse("collaboration:visit_feedback", args=[slug, visit.pk]),
            )
        )
    return tasks
