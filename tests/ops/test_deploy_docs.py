"""deploy/ stays true to the code: the guide's first-organisation snippet runs, and the
systemd units start commands that exist."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

from lerend.organisations.models import Membership, Role

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "deploy"


@pytest.mark.django_db
def test_the_guides_first_organisation_snippet_makes_a_beheerder():
    guide = (DEPLOY / "README.md").read_text()
    (snippet,) = re.findall(r"```python\n(.*?)```", guide, re.S)
    exec(compile(snippet, "deploy/README.md", "exec"), {})
    membership = Membership.objects.get(person__email="ict@voorbeeld.nl")
    assert membership.role == Role.BEHEERDER
    assert membership.organisation.slug == "voorbeeld"


def test_the_units_start_commands_that_exist():
    commands = get_commands()
    seen = set()
    for unit in (DEPLOY / "systemd").glob("*.service"):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart="):
                match = re.search(r"manage\.py (\w+)", line)
                if match:
                    assert match.group(1) in commands, (unit.name, match.group(1))
                    seen.add(match.group(1))
                elif "gunicorn" in line:
                    assert (ROOT / ".venv" / "bin" / "gunicorn").exists()
                    assert "lerend.wsgi" in line
                    seen.add("gunicorn")
    assert seen == {"gunicorn", "db_worker", "daily", "backup"}
    timers = {t.stem for t in (DEPLOY / "systemd").glob("*.timer")}
    assert timers == {"lerend-daily", "lerend-backup"}
    assert all((DEPLOY / "systemd" / f"{t}.service").exists() for t in timers)
