"""Browser tests: Debian's Chromium driven by Playwright. Never downloads a browser.

Without Chromium they skip with a loud message; with CI set they fail instead, so a CI
machine that lost its browser cannot go green silently.
"""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD

from . import html_check

CHROMIUM = os.environ.get("LEREND_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MISSING = (
    f"\n{'!' * 72}\n!! BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM}.\n"
    f"!! Install it with: apt-get install chromium chromium-driver\n{'!' * 72}\n"
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
VNU_MISSING = (
    f"\n{'!' * 72}\n!! HTML NOT CHECKED: vnu ({html_check.VNU_JAR}) or java is missing.\n"
    f"!! Install them with: npm install (in the project) and apt-get install default-jre-headless\n"
    f"{'!' * 72}\n"
)


@pytest.fixture(scope="session", autouse=True)
def capture_html():
    """Keep the HTML of every page the browser tests visit, for one vnu run at the end (the
    middleware is added before the live server starts, which loads middleware once)."""
    from django.conf import settings

    html_check.reset()
    html_check.STATE["capturing"] = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, html_check.MIDDLEWARE]
    yield


def pytest_sessionfinish(session, exitstatus):
    """One vnu run over every captured page; any error fails the run."""
    if not html_check.STATE["capturing"]:
        return  # no browser test ran in this session
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if not html_check.available():
        if reporter:
            reporter.write(VNU_MISSING)
        if os.environ.get("CI"):
            session.exitstatus = 1
        return
    checked, errors = html_check.validate()
    if reporter:
        reporter.write_line(f"vnu: {checked} pages checked, {len(errors)} errors")
        for line in errors:
            reporter.write_line(f"  {line}")
    if errors:
        session.exitstatus = 1


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _chromium_present():
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but Chromium is missing at {CHROMIUM}", pytrace=False)
    print(MISSING)
    pytest.skip(MISSING)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "viewport": DESKTOP}


@pytest.fixture
def login(page, live_server):
    """Log in through the real form; returns the page on the person's home."""

    def _login(user, password=PASSWORD):
        page.goto(f"{live_server.url}/account/inloggen/")
        page.get_by_label("E-mailadres").fill(user.email)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        return page

    return _login


def screenshot(page, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


_axe = Axe()


def assert_accessible(page) -> None:
    """0 serious or critical axe-core findings (WCAG 2.1 AA rules) on the current page."""
    results = _axe.run(
        page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
    )
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], "\n".join(bad)


def assert_accessible_as_html(browser, page) -> None:
    """axe-core needs script, so a page shown without JavaScript is checked as its HTML
    (scripts left out, styles kept) in a second, scripted page at the same address."""
    html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S | re.I)
    context = browser.new_context(locale="nl-NL", viewport=page.viewport_size)
    try:
        checked = context.new_page()
        checked.goto(page.url)
        checked.set_content(html)
        assert checked.title() == page.title()  # the copy is the page, not the login form
        assert_accessible(checked)
    finally:
        context.close()


def pick(page, label: str, name: str) -> None:
    """Choose ``name`` in the people picker labelled ``label``, with the keyboard only:
    type part of the name, arrow down to the match, Enter. Then the chip is there."""
    box = page.get_by_role("combobox", name=label)
    box.focus()
    box.press_sequentially(name, delay=10)
    option = page.get_by_role("option", name=name, exact=False).first
    option.wait_for()
    box.press("ArrowDown")
    while option.get_attribute("aria-selected") != "true":
        box.press("ArrowDown")
    box.press("Enter")
    picker = box.locator("xpath=ancestor::div[@data-picker]")
    picker.locator(".chip", has_text=name).wait_for()
