"""Point Django at a fresh SQLite database under var/bench/ — before Django is set up.

Benchmarks never touch the development database: they delete and migrate their own.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LEREND_VAR_DIR", ROOT / "var"))
BENCH_DIR = VAR_DIR / "bench"
DB_PATH = BENCH_DIR / "bench.sqlite3"


def setup_django(*, db_path: Path = DB_PATH, fresh: bool = True) -> None:
    """Configure settings for the bench database and call ``django.setup()``. ``fresh``
    deletes the database first; the crawl keeps its own between runs (``--reuse``)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "lerend.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"

    import django
    from django.conf import settings

    django.setup()
    # Measure as production runs: no debug toolbar-ish overhead, no query log kept.
    settings.DEBUG = False
