"""Point Django at a fresh SQLite database under var/bench/ — before Django is set up.

Benchmarks never touch the development database: they delete and migrate their own.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LEREND_VAR_DIR", ROOT / "var"))
BENCH_DIR = VAR_DIR / "bench"
DB_PATH = BENCH_DIR / "bench.sqlite3"


def setup_django() -> None:
    """Configure settings for a fresh bench database and call ``django.setup()``."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "lerend.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"

    import django
    from django.conf import settings

    django.setup()
    # Measure as production runs: no debug toolbar-ish overhead, no query log kept.
    settings.DEBUG = False
