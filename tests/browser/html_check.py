"""The Nu HTML Checker (vnu, npm package ``vnu-jar``, run with Java) over every page the
browser tests visit: a middleware keeps each HTML document the live server sends (not htmx
fragments, which are parts of a page), and one vnu run at the end of the session checks them
all. Any error fails the run; ``make test`` installs vnu (npm) and CI installs Java.
"""

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAPTURED = ROOT / "test-output" / "html"
VNU_JAR = Path(os.environ.get("LEREND_VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))
MIDDLEWARE = "tests.browser.html_check.CaptureHtml"
STATE = {"capturing": False}


class CaptureHtml:
    """Writes every full HTML page the live server answers with into CAPTURED (one file per
    distinct document, named by its content's hash; the path goes into a sidecar index)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and "text/html" in response.get("Content-Type", "")
            and not request.headers.get("HX-Request")
            and response.content.lstrip()[:15].lower().startswith(b"<!doctype html")
        ):
            digest = hashlib.sha256(response.content).hexdigest()[:16]
            CAPTURED.mkdir(parents=True, exist_ok=True)
            (CAPTURED / f"{digest}.html").write_bytes(response.content)
            with (CAPTURED / "index.txt").open("a", encoding="utf-8") as index:
                index.write(f"{digest} {response.status_code} {request.get_full_path()}\n")
        return response


def reset() -> None:
    shutil.rmtree(CAPTURED, ignore_errors=True)


def validate() -> tuple[int, list[str]]:
    """(pages checked, error lines "path: line:col message") from one vnu run."""
    pages = sorted(CAPTURED.glob("*.html"))
    if not pages:
        return 0, []
    paths = {}
    for line in (CAPTURED / "index.txt").read_text(encoding="utf-8").splitlines():
        digest, _status, path = line.split(" ", 2)
        paths.setdefault(digest, path)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        digest = Path(message.get("url", "")).stem
        where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
        errors.append(f"{paths.get(digest, digest)} {where} {message.get('message')}")
    return len(pages), errors


def available() -> bool:
    return VNU_JAR.exists() and shutil.which("java") is not None
