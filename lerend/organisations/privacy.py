"""The person's rights and the organisation's duties under the AVG (docs/privacy.md):
erasure with a preview and a choice for the team's work, the person's own request, retention
periods enforced daily, and the register of processing activities. Every app plays its part
through its contrib.py (``erase``, ``hand_over``, ``retention``, ``processing``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lerend.kit import contrib
from lerend.kit.contrib import RetentionPolicy as Policy
from lerend.kit.contrib import deleted

from . import erasure_labels, services
from .models import (
    RETENTION_DEFAULTS,
    AuditEntry,
    ErasureRequest,
    Invitation,
    Membership,
    Organisation,
    RetentionPolicy,
    RetentionRun,
)

# --- erasure ---------------------------------------------------------------------------------


class _DryRun(Exception):
    pass


def erasure_preview_in_words(*, organisation, person) -> dict[str, dict[str, int]]:
    """:func:`erasure_preview` with the apps and records named in words (erasure_labels),
    for the page."""
    return {
        str(apps.get_app_config(app).verbose_name): {
            erasure_labels.label(key): n for key, n in found.items()
        }
        for app, found in erasure_preview(organisation=organisation, person=person).items()
    }


def erasure_preview(*, organisation, person) -> dict[str, dict[str, int]]:
    """What erasing ``person`` in ``organisation`` would delete or unname, per app: the
    apps' own erasers run inside a transaction that is then rolled back, so the preview is
    exactly what the erasure will do, and changes nothing (files are deleted only on
    commit). Empty counts are left out."""
    counts: dict[str, dict[str, int]] = {}
    try:
        with transaction.atomic():
            for label, erase in contrib.erasers():
                found = {k: n for k, n in erase(person, organisation).items() if n}
                if found:
                    counts[label] = found
            raise _DryRun
    except _DryRun:
        pass
    return counts


def member_of(organisation, person_id) -> Any:
    """The person with this id when they have (or had) a membership here, else None."""
    found = (
        Membership.objects.filter(organisation=organisation, person_id=person_id)
        .select_related("person")
        .first()
    )
    return found.person if found else None


def search_people(organisation, query: str, limit: int = 20) -> list[Any]:
    """People of the organisation (current or former) whose name or e-mail address contains
    ``query`` (at least 2 characters): a search, never a list of everyone."""
    query = query.strip()
    if len(query) < 2:
        return []
    rows = (
        Membership.objects.filter(organisation=organisation)
        .filter(Q(person__name__icontains=query) | Q(person__email__icontains=query))
        .select_related("person")
        .order_by("person__name", "person_id")
    )
    people: dict[int, Any] = {}
    for membership in rows[: limit * 3]:
        people.setdefault(membership.person_id, membership.person)
    return list(people.values())[:limit]


def new_owner_by_email(organisation, email: str, *, not_person) -> Any:
    """An active member with this e-mail address, other than the person being erased."""
    found = (
        Membership.objects.active()
        .filter(organisation=organisation, person__email__iexact=email.strip())
        .exclude(person=not_person)
        .select_related("person")
        .first()
    )
    return found.person if found else None


def request_erasure(*, organisation, person) -> ErasureRequest:
    """The person asks the organisation to erase what Lerend holds about them. Asking again
    changes nothing. Side effects: ErasureRequest; audit entry ``erasure.request`` (the
    actor is the person; erasing them removes the name from it)."""
    with transaction.atomic():
        request, created = ErasureRequest.objects.get_or_create(
            organisation=organisation, person=person
        )
        if created:
            services.record(
                organisation=organisation, actor=person, action="erasure.request", target=None
            )
    return request


def open_requests(organisation, limit: int = 50) -> list[ErasureRequest]:
    return list(
        ErasureRequest.objects.filter(organisation=organisation).select_related("person")[:limit]
    )


def has_requested(organisation, person) -> bool:
    return ErasureRequest.objects.filter(organisation=organisation, person=person).exists()


# --- retention --------------------------------------------------------------------------------


def policy_row(organisation) -> RetentionPolicy:
    """The organisation's retention settings (the defaults, unsaved, until changed)."""
    found = RetentionPolicy.objects.filter(organisation=organisation).first()
    return found or RetentionPolicy(organisation=organisation, **RETENTION_DEFAULTS)


def policy(organisation) -> Policy:
    row = policy_row(organisation)
    return Policy(
        scan_answers=row.scan_answers_days,
        comments=row.comments_days,
        invitations=row.invitations_days,
        audit=row.audit_days,
        departed=row.departed_days,
    )


@transaction.atomic
def update_retention(*, organisation, actor, **days: int) -> RetentionPolicy:
    """Change the retention periods. Side effects: RetentionPolicy; audit entry
    ``retention.update`` with the values before and after."""
    row = policy_row(organisation)
    before = {name: getattr(row, name) for name in RETENTION_DEFAULTS}
    for name, value in days.items():
        if name not in RETENTION_DEFAULTS:
            raise TypeError(name)
        setattr(row, name, value)
    row.full_clean()
    row.save()
    services.record(
        organisation=organisation,
        actor=actor,
        action="retention.update",
        target=organisation,
        before=before,
        after={name: getattr(row, name) for name in RETENTION_DEFAULTS},
    )
    return row


def departed_people(organisation, now, days: int) -> list[int]:
    """Ids of people whose every membership here ended more than ``days`` ago."""
    cutoff = (now - datetime.timedelta(days=days)).date()
    memberships = Membership.objects.filter(organisation=organisation)
    staying = memberships.filter(Q(end_date__isnull=True) | Q(end_date__gte=cutoff))
    return sorted(
        set(
            memberships.exclude(person_id__in=staying.values("person_id")).values_list(
                "person_id", flat=True
            )
        )
    )


def retention(organisation, policy: Policy, now) -> dict[str, int]:
    """Management's own retention work (its ``retention`` slot): audit entries and
    invitation records past their period, and the records of people who left (erased like
    an erasure request, their team work kept without their name)."""
    day = datetime.timedelta(days=1)
    counts = {
        "audit_entries": deleted(
            AuditEntry.objects.filter(
                organisation=organisation, created_at__lt=now - policy.audit * day
            )
        ),
        "invitations": deleted(
            Invitation.objects.filter(organisation=organisation).filter(
                Q(used_at__lt=now - policy.invitations * day)
                | Q(revoked_at__lt=now - policy.invitations * day)
                | Q(expires_at__lt=now - policy.invitations * day)
            )
        ),
        "retention_runs": deleted(
            RetentionRun.objects.filter(
                organisation=organisation, ran_at__lt=now - policy.audit * day
            )
        ),
    }
    departed = 0
    people = get_user_model().objects.filter(
        pk__in=departed_people(organisation, now, policy.departed)
    )
    for person in people:
        services.erase_person(
            organisation=organisation, person=person, actor=None, reason="retention"
        )
        departed += 1
    counts["departed_people"] = departed
    return counts


@transaction.atomic
def apply_retention(*, organisation, now=None) -> RetentionRun:
    """Run every app's retention work for the organisation, all or nothing. Side effects:
    whatever the apps delete or strip; a RetentionRun with the counts (no names)."""
    now = now or timezone.now()
    rules = policy(organisation)
    counts = {}
    for label, work in contrib.retention_work():
        found = {k: n for k, n in work(organisation, rules, now).items() if n}
        if found:
            counts[label] = found
    return RetentionRun.objects.create(organisation=organisation, ran_at=now, counts=counts)


def retention_runs(organisation, limit: int = 30) -> list[RetentionRun]:
    """The latest runs that removed something."""
    return list(RetentionRun.objects.filter(organisation=organisation).exclude(counts={})[:limit])


def apply_retention_everywhere(now=None) -> int:
    """The daily task: every organisation's retention. Returns organisations done."""
    done = 0
    for organisation in Organisation.objects.order_by("pk").iterator():
        apply_retention(organisation=organisation, now=now)
        done += 1
    return done


# --- the register of processing activities ------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    app: str
    activity: contrib.Processing


def register() -> list[RegisterRow]:
    """Every processing activity the apps declare, in INSTALLED_APPS order."""
    return [RegisterRow(app, activity) for app, activity in contrib.processing()]
