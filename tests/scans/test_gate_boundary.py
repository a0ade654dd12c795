"""Issue 10, one gate: no other app reads scan tables or builds its own plan. Scan numbers
reach other apps only through ``lerend.scans.results`` (the read model)."""

import re
from pathlib import Path

LEREND = Path(__file__).resolve().parents[2] / "lerend"
FORBIDDEN = re.compile(
    r"lerend\.scans\.(models|disclosure|anonymity)\b"
    r"|lerend\.scans import (models|disclosure|anonymity)\b"
)
# No exceptions: the demo's campaigns and answers are written by scans' own demo.py.
ALLOWED: set[str] = set()


def test_no_app_outside_scans_imports_scan_models_or_the_disclosure_core():
    offenders = []
    for path in sorted(LEREND.rglob("*.py")):
        relative = path.relative_to(LEREND).as_posix()
        if relative.startswith("scans/") or relative in ALLOWED:
            continue
        if FORBIDDEN.search(path.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert offenders == []
