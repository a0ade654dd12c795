"""Audit-log action labels: this app's own, and the registry that gathers every app's.

Each app that writes audit entries (``services.record(action=...)``) has an ``audit.py`` next
to its ``models.py`` with a module-level ``ACTION_LABELS`` dict, action key -> lazy English
label (its Dutch lives in that app's catalogue). The audit log collects these dicts from all
installed apps by importing ``<app>.audit`` when it exists, so this app never imports another
app's services or models, and a new app only has to add its own ``audit.py``.

Recorded fields follow the same pattern: ``FIELD_LABELS`` (key or "model.key" -> lazy label)
names what is not a model field with its own verbose name (``leaders_apart``, ``rows``, a
field whose verbose name Django made up in English), and ``FIELD_VALUES`` (same keys ->
a TextChoices class, a dict, or a callable taking one stored value) turns stored values such
as ``"staff"`` or a building-block key into words. ``organisations.selectors.audit_change``
uses them for every before/after pair the log shows.

The collection is memoised (the set of installed apps does not change while running); labels
stay lazy, so the active language is applied when a label is rendered.
``tests/organisations/test_audit_labels.py`` finds every ``record(action=...)`` in the code and
checks it has a label here and a Dutch translation.
"""

import functools
import importlib
import importlib.util
from dataclasses import dataclass

from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "location.create": gettext_lazy("Location added"),
    "location.update": gettext_lazy("Location changed"),
    "location.delete": gettext_lazy("Location deleted"),
    "team.create": gettext_lazy("Team added"),
    "team.update": gettext_lazy("Team changed"),
    "team.delete": gettext_lazy("Team deleted"),
    "membership.create": gettext_lazy("Role added"),
    "membership.update": gettext_lazy("Role changed"),
    "membership.end": gettext_lazy("Role ended"),
    "person.deactivate": gettext_lazy("Person deactivated"),
    "person.reactivate": gettext_lazy("Person reactivated"),
    "person.erase": gettext_lazy("Person's data erased"),
    "erasure.request": gettext_lazy("Asked for their data to be erased"),
    "retention.update": gettext_lazy("Retention periods changed"),
    "settings.update": gettext_lazy("Settings changed"),
    "invitation.create": gettext_lazy("Invitation sent"),
    "invitation.resend": gettext_lazy("Invitation sent again"),
    "invitation.revoke": gettext_lazy("Invitation revoked"),
    "invitation.accept": gettext_lazy("Invitation accepted"),
    "import.staff": gettext_lazy("Staff imported"),
    "people.export": gettext_lazy("People list exported"),
}


@dataclass(frozen=True)
class Action:
    key: str
    label: object  # a lazy translation; str() it in the active language
    app: AppConfig


@functools.cache
def registry() -> dict[str, Action]:
    """Every known action key, from the ``audit.ACTION_LABELS`` of all installed apps.

    Raises ImproperlyConfigured when two apps claim the same key: one of them would silently
    lose its label otherwise."""
    found: dict[str, Action] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.audit"
        # find_spec first so that an ImportError *inside* an existing audit.py is not hidden.
        if importlib.util.find_spec(module_name) is None:
            continue
        labels = getattr(importlib.import_module(module_name), "ACTION_LABELS", {})
        for key, label in labels.items():
            if key in found:
                raise ImproperlyConfigured(
                    f"Audit action {key!r} is labelled by both {found[key].app.label} "
                    f"and {config.label}."
                )
            found[key] = Action(key=key, label=label, app=config)
    return found


@functools.cache
def field_registry() -> tuple[dict[str, object], dict[str, object]]:
    """(labels, value describers) for recorded fields, from every app's ``audit.py``
    (``FIELD_LABELS``, ``FIELD_VALUES``); keys are ``"model.key"`` or ``"key"``."""
    labels: dict[str, object] = {}
    values: dict[str, object] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.audit"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        labels.update(getattr(module, "FIELD_LABELS", {}))
        values.update(getattr(module, "FIELD_VALUES", {}))
    return labels, values


FIELD_LABELS = {
    "person": gettext_lazy("person"),
    "status": gettext_lazy("status"),
    "team": gettext_lazy("team"),
    "rows": gettext_lazy("rows"),
    "new_people": gettext_lazy("new people"),
    "existing_people": gettext_lazy("people already known"),
    "ended_memberships": gettext_lazy("roles ended"),
    "used_at": gettext_lazy("used on"),
    "format": gettext_lazy("file format"),
    "people": gettext_lazy("people"),
    "is_active": gettext_lazy("active"),
    "revoked_at": gettext_lazy("withdrawn on"),
    "expires_at": gettext_lazy("valid until"),
}


def action_label(key: str) -> str:
    """The label in the active language; the raw key for actions nobody labels (old rows)."""
    action = registry().get(key)
    return str(action.label) if action else key


def action_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Filter options grouped per app, groups and options sorted by their translated label:
    ``[(app name, [(key, label), ...]), ...]``. Sorted per call, as order depends on language."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for action in registry().values():
        groups.setdefault(str(action.app.verbose_name), []).append((action.key, str(action.label)))
    return [
        (name, sorted(options, key=lambda option: option[1].casefold()))
        for name, options in sorted(groups.items(), key=lambda group: group[0].casefold())
    ]
