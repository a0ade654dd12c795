"""Issue 10, one gate: no other app reads scan tables or builds its own plan. Scan numbers
reach other apps only through ``lerend.scans.results`` (the read model)."""

import re
from pathlib import Path

LEREND = Path(__file__).resolve().parents[2] / "lerend"
FORBIDDEN = re.compile(
    r"lerend\.scans\.(models|disclosure|anonymity)\b"
    r"|lerend\.scans import (models|disclosure|anonymity)\b"
)
# The demo's generator writes campaigns and answers (tooling, not numbers); listed so that a
# new exception is a visible decision.
ALLOWED = {"demo/content.py"}


def test_no_app_outside_scans_imports_scan_models_or_the_disclosure_core():
    offenders = []
    for path in sorted(LEREND.rglob("*.py")):
        relative = path.relative_to(LEREND).as_posix()
        if relative.startswith("scans/") or relative in ALLOWED:
            continue
        if FORBIDDEN.search(path.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert offenders == []


def test_the_demo_exception_still_needs_to_be_there():
    text = (LEREND / "demo/content.py").read_text(encoding="utf-8")
    assert FORBIDDEN.search(text)
