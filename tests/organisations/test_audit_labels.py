"""Every audit action written anywhere in the code has a label with a Dutch translation, and
the audit log shows and filters by those labels."""

import ast
from pathlib import Path

import polib
import pytest
from django.utils import translation

import lerend
from lerend.organisations import audit
from lerend.organisations.models import AuditEntry

SOURCE = Path(lerend.__file__).resolve().parent

# Calls of record() whose action is not a plain string literal, as "path:line" -> the keys
# that call can write. None exist today; add an entry here when one is written, so the scan
# below still knows every key.
NON_LITERAL_ACTIONS: dict[str, set[str]] = {
    # partners' one save helper: its callers pass these literal actions
    "lerend/partners/services.py:27": {
        "partners.partner.save",
        "partners.contact.save",
        "partners.agreement.save",
        "partners.activity.save",
    },
}


def _record_calls():
    """(place, action node) for every ``record(..., action=...)`` call under lerend/."""
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name != "record":
                continue
            for keyword in node.keywords:
                if keyword.arg == "action":
                    yield f"{path.relative_to(SOURCE.parent)}:{node.lineno}", keyword.value


def _actions_in_code() -> set[str]:
    found: set[str] = set()
    unlisted = []
    for place, value in _record_calls():
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.add(value.value)
        elif place in NON_LITERAL_ACTIONS:
            found |= NON_LITERAL_ACTIONS[place]
        else:
            unlisted.append(f"{place}: action={ast.unparse(value)}")
    assert unlisted == [], "list these in NON_LITERAL_ACTIONS"
    return found


def test_audit_actions_scan_finds_actions_of_every_app():
    actions = _actions_in_code()
    # Guards the scan itself: if it found nothing, the label test below would pass vacuously.
    assert {"location.create", "campaign.launch", "theme.decide", "pd_budget.set"} <= actions
    assert {"group.create", "vision.update"} <= actions


def test_audit_actions_every_action_in_code_has_a_label():
    missing = sorted(_actions_in_code() - set(audit.registry()))
    assert missing == []


def test_audit_actions_every_label_in_its_apps_dutch_catalogue():
    untranslated = []
    for action in audit.registry().values():
        with translation.override("en"):  # English is the source: the msgid itself
            msgid = str(action.label)
        catalogue = Path(action.app.path) / "locale" / "nl" / "LC_MESSAGES" / "django.po"
        entry = polib.pofile(str(catalogue)).find(msgid)
        if entry is None or not entry.msgstr or "fuzzy" in entry.flags:
            untranslated.append(f"{action.app.label}: {msgid}")
            continue
        with translation.override("nl"):
            if str(action.label) != entry.msgstr:
                untranslated.append(f"{action.app.label}: {msgid} (not compiled?)")
    assert untranslated == []


def test_audit_action_label_unknown_key_is_the_key():
    with translation.override("nl"):
        assert audit.action_label("campaign.launch") == "Scanronde gestart"
        assert audit.action_label("theme.decide") == "Thema besloten"
        assert audit.action_label("gone.away") == "gone.away"


def test_audit_action_choices_grouped_per_app_sorted_by_label():
    with translation.override("nl"):
        groups = audit.action_choices()
    names = [name for name, _ in groups]
    assert names == sorted(names, key=str.casefold)
    assert "Scans" in names and "Organisaties" in names
    for _, options in groups:
        labels = [label for _, label in options]
        assert labels == sorted(labels, key=str.casefold)
    keys = [key for _, options in groups for key, _ in options]
    assert sorted(keys) == sorted(audit.registry())


@pytest.mark.django_db
def test_audit_log_shows_dutch_label_and_filters_campaign_launch(client, world, url):
    AuditEntry.objects.create(
        organisation=world.org,
        actor=world.admin,
        action="campaign.launch",
        target_type="campaign",
        target_repr="Teamscan najaar",
    )
    AuditEntry.objects.create(
        organisation=world.org,
        actor=world.admin,
        action="team.update",
        target_type="team",
        target_repr="Groep Rups",
    )
    client.force_login(world.admin)

    response = client.get(url("organisations:audit_log"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Scanronde gestart" in body
    assert "campaign.launch</td>" not in body
    assert '<option value="campaign.launch">Scanronde gestart</option>' in body
    assert '<option value="theme.decide">Thema besloten</option>' in body
    assert '<optgroup label="Scans">' in body

    response = client.get(url("organisations:audit_log") + "?actie=campaign.launch")
    body = response.content.decode()
    assert [e.target_repr for e in response.context["page"]] == ["Teamscan najaar"]
    assert [e.label for e in response.context["page"]] == ["Scanronde gestart"]
    assert '<option value="campaign.launch" selected>Scanronde gestart</option>' in body


@pytest.mark.django_db
def test_audit_log_unknown_action_shows_raw_key(client, world, url):
    AuditEntry.objects.create(
        organisation=world.org, actor=None, action="legacy.thing", target_repr="Oud"
    )
    client.force_login(world.admin)
    response = client.get(url("organisations:audit_log") + "?actie=legacy.thing")
    assert response.status_code == 200
    # An unknown filter value falls back to everything, the row shows its raw key.
    assert response.context["action"] == ""
    assert [e.label for e in response.context["page"]] == ["legacy.thing"]
    assert "legacy.thing<br>" in response.content.decode()


def test_audit_field_labels_come_from_every_app():
    from collections import Counter

    from django.apps import apps

    from lerend.organisations.selectors import audit_field_label

    names = Counter(model._meta.model_name for model in apps.get_models())
    # Lookup by name is safe: a shared name is allowed only for a model that is never the
    # target of an audit entry (networks' invitations: a round is recorded, not them).
    never_audited = {"invitation"}
    assert [n for n, count in names.items() if count > 1 and n not in never_audited] == []
    with translation.override("nl"):
        assert audit_field_label("campaign", "opens_on") == "opent op"
        assert audit_field_label("campaign", "no_such_field") == "no_such_field"
        assert audit_field_label("nosuchmodel", "title") == "title"


def _recorded_keys() -> set[str]:
    """Every key a ``record(before={...}, after={...})`` call writes as a literal."""
    keys: set[str] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            func = getattr(node, "func", None)
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if not isinstance(node, ast.Call) or name != "record":
                continue
            for keyword in node.keywords:
                if keyword.arg in ("before", "after") and isinstance(keyword.value, ast.Dict):
                    keys |= {k.value for k in keyword.value.keys if isinstance(k, ast.Constant)}
    return keys


def test_audit_every_recorded_key_has_a_dutch_label():
    """Issue 12: "leaders apart True", "vision None". Every literal key that code records has
    a label (an app's FIELD_LABELS, or a model field's own verbose name) with Dutch."""
    from django.apps import apps

    keys = _recorded_keys()
    assert {"invited", "leaders_apart", "members", "rows"} - {"leaders_apart"} <= keys
    labels, _values = audit.field_registry()
    labelled = {k.rpartition(".")[2] for k in labels}
    own_names = {
        f.name
        for model in apps.get_models()
        for f in model._meta.get_fields()
        if hasattr(f, "verbose_name") and str(f.verbose_name) != f.name.replace("_", " ")
    }
    assert sorted(keys - labelled - own_names) == []
    with translation.override("nl"):
        untranslated = []
        for key, label in labels.items():
            with translation.override("en"):
                english = str(label)
            if str(label) == english and english not in ("team", "teams", "coach", "status"):
                untranslated.append(key)
        assert untranslated == []


@pytest.mark.django_db
def test_audit_log_shows_words_not_python_values(client, world, url):
    """The issue's examples, each recorded as the services record them: a boolean, None, a
    list of choice values, a choice value, building-block keys; the page shows words."""
    AuditEntry.objects.create(
        organisation=world.org,
        actor=world.admin,
        action="campaign.create",
        target_type="campaign",
        target_repr="Pulse",
        after={
            "leaders_apart": True,
            "role_groups": ["leiding", "medewerkers"],
            "audience": "staff",
            "opens_on": "2026-12-07",
            "teams": [],
        },
    )
    AuditEntry.objects.create(
        organisation=world.org,
        actor=world.admin,
        action="vision.update",
        target_type="organisation",
        target_repr=world.org.name,
        before={"vision": None, "is_public": False},
        after={"vision": "Samen leren", "is_public": True},
    )
    AuditEntry.objects.create(
        organisation=world.org,
        actor=world.admin,
        action="goal.create",
        target_type="goal",
        target_repr="Doel",
        after={"building_blocks": ["cultuur"], "status": "achter"},
    )
    client.force_login(world.admin)
    body = client.get(url("organisations:audit_log")).content.decode()
    for raw in ("True", "False", "None", "['", "leaders apart", "leaders_apart", ">staff<"):
        assert raw not in body, raw
    assert "<dt>leidinggevenden apart gerapporteerd</dt><dd><ins>ja</ins></dd>" in body
    assert "<ins>Leiding, Medewerkers</ins>" in body
    assert "<dt>doelgroep</dt><dd><ins>Medewerkers</ins></dd>" in body
    assert "<ins>7 december 2026</ins>" in body
    assert "<dt>visie</dt><dd><del>—</del> → <ins>Samen leren</ins></dd>" in body
    assert "<dt>openbaar</dt><dd><del>nee</del> → <ins>ja</ins></dd>" in body
    assert "<ins>Cultuur</ins>" in body and "<ins>Achter</ins>" in body
