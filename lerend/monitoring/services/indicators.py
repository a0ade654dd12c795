"""Writes for indicators, their check-ins and the app's settings."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.organisations.services import diff, record, snapshot

from .. import sources
from ..models import (
    CheckIn,
    CheckInSource,
    Direction,
    Indicator,
    IndicatorLink,
    Level,
    LinkKind,
    MonitoringSettings,
    Source,
)

INDICATOR_FIELDS = (
    "level",
    "location",
    "team",
    "title",
    "description",
    "kind",
    "unit",
    "baseline",
    "baseline_on",
    "target",
    "target_on",
    "direction",
    "cadence",
    "source",
    "scan_block",
    "building_blocks",
    "owner",
    "archived",
)
SETTINGS_FIELDS = ("wellbeing_threshold", "reminder_months")


@transaction.atomic
def update_settings(*, organisation, actor, **values) -> MonitoringSettings:
    """Side effects: creates or updates MonitoringSettings; audit entry."""
    settings, _created = MonitoringSettings.objects.get_or_create(organisation=organisation)
    before = snapshot(settings, SETTINGS_FIELDS)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    old, new = diff(before, snapshot(settings, SETTINGS_FIELDS))
    if new:
        record(
            organisation=organisation,
            actor=actor,
            action="monitoring.settings",
            target=settings,
            before=old,
            after=new,
        )
    return settings


def _check_indicator(indicator: Indicator) -> None:
    errors = {}
    org = indicator.organisation_id
    if indicator.team is not None and indicator.team.organisation_id != org:
        errors["team"] = _("Unknown group.")
    if indicator.location is not None and indicator.location.organisation_id != org:
        errors["location"] = _("Unknown location.")
    if indicator.level == Level.TEAM and indicator.team is None:
        errors["team"] = _("Choose the group (team) this indicator is about.")
    if indicator.level == Level.LOCATION and indicator.location is None:
        errors["location"] = _("Choose the location this indicator is about.")
    if indicator.level != Level.TEAM:
        indicator.team = None
    if indicator.level != Level.LOCATION:
        indicator.location = None
    higher = indicator.direction == Direction.HIGHER
    wrong_side = (
        indicator.baseline is not None
        and indicator.target is not None
        and (
            indicator.target <= indicator.baseline
            if higher
            else indicator.target >= indicator.baseline
        )
    )
    if wrong_side:
        errors["target"] = (
            _("With 'higher is better' the target must be above the baseline.")
            if higher
            else _("With 'lower is better' the target must be below the baseline.")
        )
    if (
        (indicator.target <= indicator.baseline)
        if higher
        else (indicator.target >= indicator.baseline)
    ):
        errors["target"] = (
            _("With 'higher is better' the target must be above the baseline.")
            if higher
            else _("With 'lower is better' the target must be below the baseline.")
        )
    if (
        indicator.target_on
        and indicator.baseline_on
        and indicator.target_on <= indicator.baseline_on
    ):
        errors["target_on"] = _("The target date must come after the baseline date.")
    if indicator.source == Source.SCAN_BLOCK and not indicator.scan_block:
        errors["scan_block"] = _("Choose the building block whose scan score you follow.")
    if indicator.source != Source.SCAN_BLOCK:
        indicator.scan_block = ""
    if indicator.owner_id is not None and not _is_member(indicator.owner, org):
        errors["owner"] = _("The owner must be a member of your organisation.")
    if errors:
        raise ValidationError(errors)


def _is_member(person, organisation_id) -> bool:
    return person.memberships.active().filter(organisation_id=organisation_id).exists()


def _set_links(indicator, goal_ids, theme_ids) -> None:
    IndicatorLink.objects.filter(indicator=indicator).delete()
    IndicatorLink.objects.bulk_create(
        [IndicatorLink(indicator=indicator, kind=LinkKind.GOAL, target_id=i) for i in goal_ids]
        + [IndicatorLink(indicator=indicator, kind=LinkKind.THEME, target_id=i) for i in theme_ids]
    )


@transaction.atomic
def create_indicator(*, organisation, actor, goal_ids=(), theme_ids=(), **values) -> Indicator:
    """``goal_ids`` / ``theme_ids`` must already be checked against the organisation (the
    form offers only the organisation's own, read through improvement's selectors).

    Side effects: creates an Indicator and its links; audit entry."""
    indicator = Indicator(organisation=organisation, created_by=actor, **values)
    _check_indicator(indicator)
    indicator.full_clean()
    indicator.save()
    _set_links(indicator, goal_ids, theme_ids)
    record(
        organisation=organisation,
        actor=actor,
        action="indicator.create",
        target=indicator,
        after=snapshot(indicator, INDICATOR_FIELDS),
    )
    return indicator


@transaction.atomic
def update_indicator(*, indicator, actor, goal_ids=(), theme_ids=(), **values) -> Indicator:
    """Side effects: updates the Indicator and replaces its links; audit entry."""
    before = snapshot(indicator, INDICATOR_FIELDS)
    for name, value in values.items():
        setattr(indicator, name, value)
    _check_indicator(indicator)
    indicator.full_clean()
    indicator.save()
    _set_links(indicator, goal_ids, theme_ids)
    old, new = diff(before, snapshot(indicator, INDICATOR_FIELDS))
    if new:
        record(
            organisation=indicator.organisation,
            actor=actor,
            action="indicator.update",
            target=indicator,
            before=old,
            after=new,
        )
    return indicator


def _not_in_future(day: datetime.date) -> None:
    if day > timezone.localdate():
        raise ValidationError({"measured_on": _("A measurement cannot lie in the future.")})


@transaction.atomic
def add_check_in(*, indicator, actor, measured_on, value, confidence, note="") -> CheckIn:
    """Side effects: creates a CheckIn (one per indicator and day); audit entry."""
    if indicator.is_computed:
        raise ValidationError(_("Lerend measures this indicator itself: use 'Measure now'."))
    _not_in_future(measured_on)
    if CheckIn.objects.filter(
        indicator=indicator, measured_on=measured_on, team__isnull=True
    ).exists():
        raise ValidationError({"measured_on": _("There is already a measurement on this day.")})
    check_in = CheckIn(
        indicator=indicator,
        measured_on=measured_on,
        value=value,
        confidence=confidence,
        note=note,
        created_by=actor,
    )
    check_in.full_clean()
    check_in.save()
    record(
        organisation=indicator.organisation,
        actor=actor,
        action="indicator.check_in",
        target=indicator,
        after={"measured_on": measured_on.isoformat(), "value": str(value)},
    )
    return check_in


@transaction.atomic
def measure_computed(*, indicator, actor=None, on=None) -> CheckIn | None:
    """Compute the indicator's value now and keep it as today's check-in (replacing an earlier
    one of the same day). Nothing when there is too little behind the number.

    Side effects: creates or updates a CheckIn; audit entry when a person asked for it."""
    if not indicator.is_computed:
        raise ValidationError(_("This indicator is measured by hand."))
    on = on or timezone.localdate()
    value = sources.compute(indicator, on)
    if value is None:
        return None
    check_in, _created = CheckIn.objects.update_or_create(
        indicator=indicator,
        measured_on=on,
        team=None,
        defaults={
            "value": value,
            "source": CheckInSource.COMPUTED,
            "confidence": "hoog",
            "created_by": actor,
        },
    )
    if actor is not None:
        record(
            organisation=indicator.organisation,
            actor=actor,
            action="indicator.check_in",
            target=indicator,
            after={"measured_on": on.isoformat(), "value": str(value), "computed": True},
        )
    return check_in


@transaction.atomic
def import_group_results(*, indicator, actor, rows) -> int:
    """Write checked import rows (``imports.ImportRow`` without errors): one check-in per group
    and date, an earlier one for the same group and date replaced. All or nothing: a row with
    errors stops the whole import.

    Side effects: creates or updates CheckIns; one audit entry."""
    if indicator.source != Source.IMPORT:
        raise ValidationError(_("This indicator does not take imported results."))
    if not rows or any(row.errors for row in rows):
        raise ValidationError(_("Nothing was imported: fix the rows with errors first."))
    for row in rows:
        if row.team.organisation_id != indicator.organisation_id:
            raise ValidationError(_("Unknown group."))
        if (indicator.team_id and row.team.pk != indicator.team_id) or (
            indicator.location_id and row.team.location_id != indicator.location_id
        ):
            raise ValidationError(_("A group lies outside this indicator's location or group."))
        CheckIn.objects.update_or_create(
            indicator=indicator,
            measured_on=row.measured_on,
            team=row.team,
            defaults={
                "value": row.value,
                "children": row.children,
                "source": CheckInSource.IMPORT,
                "created_by": actor,
            },
        )
    record(
        organisation=indicator.organisation,
        actor=actor,
        action="indicator.import",
        target=indicator,
        after={"rows": len(rows)},
    )
    return len(rows)
