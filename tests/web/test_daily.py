import pytest
from django.core.management import call_command

from lerend.kit import contrib


@pytest.mark.django_db
def test_daily_command_enqueues_every_listed_task(capsys):
    call_command("daily")
    out = capsys.readouterr().out
    paths = contrib.daily_tasks()
    # coaching 1, monitoring 2, knowledge 2 (reindex, "klopt dit nog?"), scans 2 (reminders,
    # the plans of campaigns that closed by date), background 1 (the outbox), organisations 1
    # (retention), partners and networks as they declare
    assert len(paths) == len(set(paths)) >= 13
    for path in paths:
        assert f"enqueued {path}" in out
