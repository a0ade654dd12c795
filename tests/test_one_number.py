"""One number everywhere (issue 17 §1): for both demo organisations, a bestuurder opens every
page that carries scan results — the result pages of the organisation, every location and
every team, their heatmaps and radar tables, every team's PDF, the advice for every group, the
dashboard, the CSV and XLSX exports and the API — and each (group, building block) score must
be written identically wherever it appears, with one verdict ("laag", "sterk", "begin hier")
wherever one is given. The demo is built once for this module (``demo_organisations``, a
minute) and rolled back after.

Numbers are read back from what a person gets, with real parsers: HTML tables, pdftotext,
the csv module and openpyxl.
"""

import re
from collections import defaultdict
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lerend.accounts.models import User
from lerend.api import services as api_services
from lerend.demo import builder
from lerend.frameworks import registry
from lerend.kit.numbers import number
from lerend.organisations.models import Location, Organisation, Team
from lerend.scans.results import latest_closed_campaign

from .one_number_support import SCORE, body, csv_rows, dutch, pdf_text, tables, xlsx_rows

SLUGS = (builder.CHILDCARE_SLUG, builder.SCHOOL_SLUG)


class Seen:
    """(group, block key) -> {source: value as written}."""

    def __init__(self):
        self.values = defaultdict(dict)
        self.levels = defaultdict(dict)

    def add(self, source, group, key, value, level=None):
        if key is None:
            return
        self.values[(group, key)][source] = value
        if level is not None:
            self.levels[(group, key)][source] = level

    def disagreements(self):
        return {
            key: found for key, found in self.values.items() if len(set(found.values())) > 1
        } | {
            ("level", *key): found
            for key, found in self.levels.items()
            if len(set(found.values())) > 1
        }


def _keys(campaign):
    """Names as written (dimension names of the instrument and block names of the model, in
    Dutch) -> building block key."""
    with translation.override("nl"):
        names = {
            str(d.name): d.building_block for d in campaign.instrument_version.instrument.dimensions
        }
        names.update({str(b.name): b.key for b in registry.building_blocks()})
    return names


def _report(seen, html, group, names, source, sub_label=None, prefix=""):
    """The report page: its dimension table (score and level), radar table and heatmap."""
    found = tables(html)
    main = [t for t in found if "results-table" in t.classes]
    assert len(main) == 1, source
    for row in main[0].rows:
        seen.add(source, group, names.get(row[0]), row[1], row[2])
    for table in found:
        if table.caption == "Gemiddelde per dimensie":
            for row in table.rows:
                seen.add(source + " radar", group, names.get(row[0]), row[1])
        if sub_label and table.caption == sub_label:
            columns = table.head[1:]
            for row in table.rows:
                if len(row) == len(columns) + 1:
                    for column, cell in zip(columns, row[1:], strict=True):
                        seen.add(source + " heatmap", prefix + row[0], names.get(column), cell)
    guide = re.findall(r"<summary>([^<]+?) <span class=\"badge\">begin hier</span>", html)
    return [names[g.strip()] for g in guide]


def _advice(seen, html, group, names, source):
    table = next(t for t in tables(html) if t.head[:2] == ["Bouwsteen", "Score (1–5)"])
    for row in table.rows:
        seen.add(source, group, names.get(row[0]), row[1], row[2])
    start = re.search(r"<strong>Begin hier:</strong> ([^<]+)</p>", html)
    return [names[n.strip()] for n in re.split(r", (?=[A-Z])", start.group(1))] if start else []


def _pdf(seen, content, group, dimensions, source):
    """The PDF's dimension table, read by pdftotext: one line per row starting with (the first
    line of) the dimension's name and its score; rows in the instrument's order."""
    text = pdf_text(content)
    part = text.split("Per onderdeel", 1)[1].split("Positief:", 1)[0]
    rows = re.findall(r"^[ \t]*(\S.*?)[ \t]{2,}(\d,\d|–)(?:[ \t]|$)", part, re.MULTILINE)
    assert len(rows) == len(dimensions), part
    for (fragment, value), (name, key) in zip(rows, dimensions, strict=True):
        assert name.startswith(fragment.strip()), (fragment, name)
        if value != "–":
            seen.add(source, group, key, value)


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_every_results_page_writes_each_block_score_once(demo_organisations, slug):
    organisation = Organisation.objects.get(slug=slug)
    board = User.objects.get(email=builder.login_email(slug, "bestuurder"))
    client = Client(headers={"accept-language": "nl"})
    client.force_login(board)
    campaign = latest_closed_campaign(organisation)
    assert campaign is not None
    names = _keys(campaign)
    with translation.override("nl"):
        dimensions = [
            (str(d.name), d.building_block)
            for d in campaign.instrument_version.instrument.dimensions
        ]
    seen = Seen()
    org_name = organisation.name

    def label(team):  # team names repeat across schools: "Bovenbouw (groep 6-8)"
        return f"{team.location.name} · {team.name}"

    start_report, start_advice = {}, {}

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return response

    # Result pages: the organisation, every location, every team (and their heatmaps).
    html = get(reverse("scans:results_organisation", args=[slug, campaign.pk])).content.decode()
    start_report[org_name] = _report(
        seen, html, org_name, names, "report", "Gemiddelde per locatie en dimensie"
    )
    locations = list(Location.objects.filter(organisation=organisation))
    teams = list(Team.objects.filter(organisation=organisation).select_related("location"))
    for location in locations:
        url = reverse("scans:results_location", args=[slug, campaign.pk, location.pk])
        html = get(url).content.decode()
        if "results-table" in html:
            start_report[location.name] = _report(
                seen, html, location.name, names, "report", "Gemiddelde per team en dimensie",
                prefix=f"{location.name} · ",
            )  # fmt: skip
    shown_teams = []
    for team in teams:
        html = get(reverse("scans:results_team", args=[slug, campaign.pk, team.pk])).content
        if b"results-table" in html:
            shown_teams.append(team)
            start_report[label(team)] = _report(seen, html.decode(), label(team), names, "report")
            pdf = get(reverse("scans:results_team_pdf", args=[slug, campaign.pk, team.pk]))
            _pdf(seen, body(pdf), label(team), dimensions, "pdf")
    assert shown_teams, "the demo shows at least one team"

    # Advice for every group, and the dashboard's trend (latest column) for the organisation.
    advice_url = reverse("improvement:advice", args=[slug])
    scopes = [("organisation", org_name)]
    scopes += [(f"location-{loc.pk}", loc.name) for loc in locations]
    scopes += [(f"team-{t.pk}", label(t)) for t in teams]
    for scope, group in scopes:
        html = get(f"{advice_url}?scope={scope}").content.decode()
        if "Score (1–5)" in html:
            start_advice[group] = _advice(seen, html, group, names, "advice")
    html = get(reverse("improvement:dashboard", args=[slug])).content.decode()
    trend = next(t for t in tables(html) if t.caption.endswith(org_name))
    for row in trend.rows:
        seen.add("dashboard", org_name, names.get(row[0]), row[-2], row[-1])

    # Exports: CSV and XLSX, every visible group.
    csv_url = reverse("scan_exports:results_csv", args=[slug, campaign.pk])
    # Columns: group type, group, respondents, dimension, building block, n, mean, ...
    for row in csv_rows(body(get(csv_url)).decode())[1:]:
        if row[6]:
            seen.add("csv", row[1], row[4], dutch(row[6]))
    xlsx_url = reverse("scan_exports:results_xlsx", args=[slug, campaign.pk])
    for row in xlsx_rows(body(get(xlsx_url)))[1:]:
        if row[6] is not None:
            seen.add("xlsx", row[1], row[4], number(Decimal(str(row[6]))))

    # The API, with the bestuurder's key: the organisation with its locations, each location
    # with its teams; ``display`` is what a dashboard built on the API prints.
    _token, key = api_services.create_token(
        person=board, organisation=organisation, name="Eén getal", days=30
    )
    headers = {"Authorization": f"Bearer {key}", "accept-language": "nl"}
    base = f"/api/v1/o/{slug}/scans/{campaign.pk}/results"
    answers = [client.get(f"{base}/organisation", headers=headers).json()]
    answers += [
        client.get(f"{base}/locations/{loc.pk}", headers=headers).json() for loc in locations
    ]
    labels = {("organisation", None): org_name}
    labels |= {("location", loc.pk): loc.name for loc in locations}
    labels |= {("team", t.pk): label(t) for t in teams}
    for answer in answers:
        for group in [answer["group"], *answer["subgroups"]]:
            name = labels[(group["kind"], group["id"])]
            for d in group["dimensions"]:
                if d["mean"] is not None:
                    seen.add("api", name, d["building_block"], d["display"]["mean"])
                    seen.add("api mean", name, d["building_block"], number(d["mean"]))

    # Every value is written one way: a score with one decimal comma, or the dash of a number
    # the gate hides (then it is hidden everywhere it appears).
    assert seen.disagreements() == {}
    odd = {k: f for k, f in seen.values.items() if any(not SCORE.match(v) for v in f.values())}
    assert all(set(f.values()) == {"–"} for f in odd.values()), odd
    # Enough was compared: the organisation in every kind of place, and every shown team.
    org_sources = {
        s.split(" ")[0] for (g, _k), f in seen.values.items() if g == org_name for s in f
    }
    assert org_sources >= {"report", "advice", "dashboard", "csv", "xlsx", "api"}
    scored = 0
    for team in shown_teams:
        for (group, key), found in seen.values.items():
            if group == label(team) and SCORE.match(found["report"]):
                scored += 1
                assert {"report", "pdf", "csv", "xlsx", "api", "advice"} <= set(found), key
    assert scored >= 12, "at least a team's worth of team scores was compared"
    # The advice starts where the report says "begin hier", at every level it is given.
    for group, blocks in start_advice.items():
        assert blocks == start_report.get(group, blocks), group
    assert start_advice[org_name] == start_report[org_name]
