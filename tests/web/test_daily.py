import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_daily_command_enqueues_every_listed_task(capsys, settings):
    call_command("daily")
    out = capsys.readouterr().out
    for path in settings.LEREND_DAILY_TASKS:
        assert f"enqueued {path}" in out
