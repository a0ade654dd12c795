"""Every page, in Dutch, for both demo organisations and each main role: no English UI text
and no raw Python values (``None``, ``True``, ``['a', 'b']``, ``{'k': …}``, ``__x``).

The demo builder makes the organisations exactly as ``make demo`` does, so the pages carry
real content in both sectors. URLs are enumerated from the resolver (as the tenancy matrix
does) and filled with objects of the demo organisation through the apps' ``url_objects``;
a kwarg the demo has no object for fails the test (the demo must show every capability).
Public pages (log-in, the questionnaire through the demo medewerker's own pulse link, the
public vision and coaching-hours pages) are crawled too.

What counts as English: whole words that are English UI vocabulary and not Dutch, plus
Django's default English messages, in visible text and in the attributes people read
(placeholder, title, aria-label, alt, button values). Code samples (``<code>``, ``<pre>``)
and elements marked ``lang="en"`` or ``translate="no"`` are not UI text.
"""

import os
import re
from html.parser import HTMLParser

import pytest
from django.urls import get_resolver
from django.utils import translation

from lerend.accounts.models import User
from lerend.demo import builder, content
from lerend.kit import contrib
from lerend.organisations.models import Location, Membership, Organisation, Team
from tests.test_tenancy_matrix import _walk

pytestmark = pytest.mark.django_db

# English words that are not Dutch words (nor loanwords Dutch UI uses: team, feedback,
# coach, update, open, check-in, ...). Matched as whole words, any case.
ENGLISH_WORDS = {
    "the", "and", "your", "you", "with", "this", "that", "from", "for", "are", "has",
    "not", "please", "select", "choose", "enter", "required", "option", "field", "save",
    "cancel", "delete", "edit", "submit", "search", "previous", "next", "yes", "show",
    "hide", "add", "remove", "create", "view", "close", "name", "description", "unknown",
    "there", "what", "which", "who", "will", "can", "should", "must", "only", "also",
    "more", "other", "every", "each", "about", "into", "than", "then", "they", "their",
    "our", "until", "after", "before", "when", "page", "valid", "ensure", "characters",
    "forbidden", "found", "error", "act", "doing", "done", "none", "true", "false",
    "choice", "login", "logout", "sign", "settings", "people", "person", "staff",
    "teacher", "teachers", "children", "child", "goal", "goals", "action", "actions",
    "board", "vision", "learning", "journal", "results", "questionnaire", "scan's",
}  # fmt: skip
# Django's own English messages and widget defaults (checked as phrases).
ENGLISH_PHRASES = (
    "Select an option",
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Ensure this value",
    "Not Found",
    "Server Error",
    "Bad Request",
    "Currently:",
    "Change:",
    "Clear",
    "Unknown",
    "Yes",
    "No ",
)
# English terms that are the Dutch professional words (the Dutch catalogue uses them as they
# are), and addresses: removed before the words are checked.
DUTCH_LOANS = re.compile(r"(?i)\bcoaching on the job\b|\be-learning\b|https?://\S+")
RAW_VALUE = re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|\{'|\['|\[\"|\[\]|__\w")
WORD = re.compile(r"[A-Za-z][A-Za-z']*")

SKIP_TAGS = {"script", "style", "code", "pre", "template", "kbd", "samp"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


class VisibleText(HTMLParser):
    """The text a person reads: text nodes and the readable attributes, outside code and
    outside elements that say they are not Dutch UI."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is its content skipped?
        self.parts: list[str] = []

    def skipping(self):
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skip = (
            self.skipping()
            or tag in SKIP_TAGS
            or (attributes.get("lang") or "nl").startswith("en")
            or attributes.get("translate") == "no"
        )
        if not skip:
            for name in READ_ATTRIBUTES:
                if attributes.get(name):
                    self.parts.append(attributes[name])
            if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
                self.parts.append(attributes.get("value") or "")
        if tag not in VOID:
            self.stack.append(skip)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skipping() and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.parts


def problems(html: str) -> list[str]:
    found = []
    for text in visible_text(html):
        words = {w.lower() for w in WORD.findall(DUTCH_LOANS.sub(" ", text))}
        english = sorted(words & ENGLISH_WORDS)
        if english:
            found.append(f"English {english}: {text[:120]!r}")
        for phrase in ENGLISH_PHRASES:
            if phrase in text + " ":
                found.append(f"English {phrase!r}: {text[:120]!r}")
        if RAW_VALUE.search(text):
            found.append(f"raw value: {text[:120]!r}")
    return found


def test_problems_finds_what_it_should():
    """The detector itself: it must catch each kind of leak and pass Dutch UI text."""
    assert problems("<p>leiders apart True</p>")
    assert problems("<p>visie None</p>")
    assert problems("<p>['leiding', 'medewerkers']</p>")
    assert problems("<option>- Select an option -</option>")
    assert problems('<input type="submit" value="Save">')
    assert problems('<input placeholder="Search people">')
    assert problems("<p>Plan / Do / Controle / Act</p>")
    assert problems("<p>doelgroep staff</p>")
    assert problems("<p>{'a': 1}</p>")
    assert not problems("<p>Mijn team en de coach geven feedback.</p><script>var x=None</script>")
    assert not problems('<p>Taal: <span lang="en">English</span></p><code>None</code>')
    assert not problems("<p>E-learning en coaching on the job: https://login.example/</p>")
    assert problems("<p>Learning on the job</p>")


def _demo(plan):
    outcome = builder.build(plan)
    content.add_content(outcome.organisation)
    return outcome.organisation


def _routes():
    return sorted(set(_walk(get_resolver().url_patterns)))


def _pulse_token(org):
    from lerend.scans import services
    from lerend.scans.models import ScanInvitation

    invitation = (
        ScanInvitation.objects.filter(
            campaign__organisation=org,
            used_on__isnull=True,
            person__email=builder.login_email(org.slug, "medewerker"),
        )
        .order_by("pk")
        .first()
    )
    assert invitation is not None, "the demo medewerker has an open pulse to fill in"
    return services.token_for(invitation.nonce)


def _fill(route: str, org: Organisation, values: dict) -> str | None:
    url = route
    for conv, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        token = f"<{conv}:{name}>" if conv else f"<{name}>"
        if name not in values:
            return None
        url = url.replace(token, str(values[name]))
    return "/" + url


# Objects only one sector has: a childcare organisation is offered no lesson design (its
# pages exist for every organisation but are not offered there, so the demo has none).
SCHOOL_ONLY = {"design_id"}


def _values(org: Organisation) -> tuple[dict, list[str]]:
    missing = []
    values: dict = {"org_slug": org.slug, "organisation": org.slug}
    for name, find in contrib.url_objects().items():
        pk = find(org)
        if pk is None and not (name in SCHOOL_ONLY and org.is_childcare):
            missing.append(name)
        elif pk is None:
            continue
        else:
            values[name] = pk
    values["location_id"] = Location.objects.filter(organisation=org).order_by("pk")[0].pk
    staff = Membership.objects.filter(
        organisation=org, person__email=builder.login_email(org.slug, "medewerker")
    ).order_by("team_id")[0]
    values["team_id"] = staff.team_id or Team.objects.filter(organisation=org)[0].pk
    values["person_id"] = staff.person_id
    values.update(
        method_key="incidentmethode",
        rubric_key="klas",
        key="cultuur",
        block="cultuur",
        practice="intervisie",
        token=_pulse_token(org),
        number=1,
    )
    return values, missing


ROLES = ["medewerker", "teamleider", "locatiemanager", "coach", "bestuurder", "beheerder"]
# Not pages: machine formats, redirects by design, actions that change state on GET.
NOT_PAGES = re.compile(
    r"(\.ics|\.json|\.csv|\.xlsx|\.pdf|/export|/download|api/v1/|healthz|uitloggen|"
    r"i18n/setlang|sso/|herstel/<|uitnodiging/<|vragenlijst/code/)"
)


def crawl(client, org) -> tuple[list[str], int]:
    values, missing = _values(org)
    wrong = [f"the demo of {org.slug} has no object for <{name}>" for name in missing]
    checked = 0
    routes = [r for r in _routes() if not NOT_PAGES.search(r)]
    for role in ROLES:
        client.force_login(User.objects.get(email=builder.login_email(org.slug, role)))
        for route in routes:
            url = _fill(route, org, values)
            if url is None:
                continue
            response = client.get(url)
            if response.status_code != 200:
                continue
            if "text/html" not in response.get("Content-Type", ""):
                continue
            checked += 1
            wrong += [f"{role} {url}: {p}" for p in problems(response.content.decode())]
    client.logout()
    for route in ("account/inloggen/", "account/wachtwoord-vergeten/", "vragenlijst/"):
        response = client.get("/" + route)
        checked += 1
        wrong += [f"anonymous /{route}: {p}" for p in problems(response.content.decode())]
    return sorted(set(wrong)), checked


@pytest.mark.skipif(
    "TEST_DATABASE_URL" in os.environ,
    reason="the crawl reads templates and translations, which do not depend on the database: "
    "it runs once, in the SQLite pass of make test, to keep CI within its time",
)
@pytest.mark.parametrize("plan", [builder.childcare_plan, builder.school_plan])
def test_every_page_is_dutch_for_every_role(client, plan, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    with translation.override("nl"):
        org = _demo(plan())
    client.cookies["lerend_language"] = "nl"
    wrong, checked = crawl(client, org)
    print(f"{org.slug}: {checked} pages checked")
    assert checked > 300
    assert wrong == [], f"{len(wrong)} problems:\n" + "\n".join(wrong)
