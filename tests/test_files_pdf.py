"""Every PDF of Lerend is tagged PDF/UA-1, names its language and title, and embeds only the
font shipped with the project (Noto Sans as "Lerend Sans", lerend/web/static/fonts): never a
font of the server (DejaVu, Liberation, Helvetica substitutes), which the SVG charts' own
font lists would otherwise pull in. Read with poppler's pdffonts and pdfinfo."""

import datetime
import re
import shutil
import subprocess
import zlib
from decimal import Decimal

import pytest
from django.urls import reverse

from lerend.monitoring.services import indicators as monitoring_services
from tests.monitoring.conftest import make_indicator
from tests.scans.test_results_support import pulse_campaign

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts, pdfinfo) missing"
    ),
]


def _facts(tmp_path, content: bytes) -> dict:
    path = tmp_path / "file.pdf"
    path.write_bytes(content)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    names = {line.split()[0].partition("+")[2] for line in fonts.stdout.splitlines()[2:]}
    fields = dict(
        line.split(":", 1) for line in info.stdout.splitlines() if ":" in line and line[0] != " "
    )
    # The catalogue (with /Lang) sits in a compressed object stream.
    lang = None
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", content, re.S):
        try:
            found = re.search(rb"/Lang\s*\(([^)]*)\)", zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
        if found:
            lang = found.group(1).decode()
    return {
        "fonts": names,
        "title": fields.get("Title", "").strip(),
        "tagged": fields.get("Tagged", "").strip(),
        "lang": lang,
    }


def _assert_house_pdf(tmp_path, response, title_part: str):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    facts = _facts(tmp_path, response.getvalue())
    assert facts["fonts"] <= {
        "Lerend-Sans",
        "Lerend-Sans-Bold",
        "Lerend-Sans-Italic",
        "Lerend-Sans-BoldItalic",
    }, facts["fonts"]
    assert facts["fonts"], "no text at all"
    assert facts["tagged"] == "yes"
    assert facts["lang"] == "nl"
    assert title_part in facts["title"], facts["title"]


def test_team_plan_pdf_embeds_only_the_shipped_font(client, world, tmp_path):
    client.force_login(world.board)
    url = reverse("improvement:team_plan_pdf", args=[world.org.slug, world.team.pk])
    _assert_house_pdf(tmp_path, client.get(url), "Groep Rups")


def test_scan_team_report_embeds_only_the_shipped_font(client, world, tmp_path):
    pulse = pulse_campaign(world)
    client.force_login(world.board)
    url = reverse("scans:results_team_pdf", args=[world.org.slug, pulse.campaign.pk, world.team.pk])
    _assert_house_pdf(tmp_path, client.get(url), "Groep Rups")


def test_indicators_pdf_with_charts_embeds_only_the_shipped_font(client, world, tmp_path):
    indicator = make_indicator(world.org, world.board)
    for days, value in ((60, "44.5"), (0, "52.5")):
        monitoring_services.add_check_in(
            indicator=indicator,
            actor=world.board,
            measured_on=datetime.date.today() - datetime.timedelta(days=days),
            value=Decimal(value),
            confidence="hoog",
        )
    client.force_login(world.board)
    response = client.get(reverse("monitoring:export_pdf", args=[world.org.slug]))
    _assert_house_pdf(tmp_path, response, "ndicator")


def test_ggd_pack_pdf_embeds_only_the_shipped_font(client, world, tmp_path):
    client.force_login(world.board)
    response = client.get(reverse("coaching:ggd_pdf", args=[world.org.slug]))
    _assert_house_pdf(tmp_path, response, "Coaching")
