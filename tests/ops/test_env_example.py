""".env.example lists every environment variable the settings and the ops modules read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
READ = re.compile(r"environ(?:\.get)?[\[\(]\s*[\"']([A-Z0-9_]+)[\"']")
ONLY_FOR_TESTS = {"TEST_DATABASE_URL", "PYTEST_XDIST_WORKER"}


def test_env_example_lists_every_variable_the_settings_read():
    sources = [
        *(ROOT / "lerend" / "settings").glob("*.py"),
        *(ROOT / "lerend" / "ops").glob("*.py"),
    ]
    read = {name for path in sources for name in READ.findall(path.read_text())}
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "SENTRY_DSN"} <= read
    listed = set(re.findall(r"^#? ?([A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - ONLY_FOR_TESTS - listed == set()
