import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from .test_results_support import pulse_campaign

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "pdf"

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) missing",
)


def _pdf(client, world, user, campaign, team):
    client.force_login(user)
    url = reverse("scans:results_team_pdf", args=[world.org.slug, campaign.pk, team.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def _text(tmp_path, content, name="report.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return out.stdout


def test_results_team_pdf_has_text_charts_and_pages(client, world, tmp_path):
    pulse = pulse_campaign(world)
    content = _pdf(client, world, world.board, pulse.campaign, world.team)
    assert content.startswith(b"%PDF")
    text = _text(tmp_path, content)
    assert "Resultaten van Groep Rups" in text
    assert "6 respondenten" in text
    assert "3,6" in text and "60%" in text  # the first dimension, as on the page
    assert "Gespreksleidraad voor het teamoverleg" in text
    assert "Maak" not in text  # no links to actions on paper
    assert "Rups zegt 5" in text  # the board may read the comments
    assert "GEHEIM-POP" not in text
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "team-report.pdf").write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(OUTPUT / "team-report.pdf"), str(OUTPUT / "page")],
        check=True,
    )
    pages = sorted(OUTPUT.glob("page-*.png"))
    assert len(pages) >= 2
    assert all(p.stat().st_size > 5000 for p in pages)


def test_results_team_pdf_for_staff_has_no_comments(client, world, tmp_path):
    pulse = pulse_campaign(world)
    text = _text(tmp_path, _pdf(client, world, world.staff, pulse.campaign, world.team))
    assert "6 respondenten" in text and "Rups zegt" not in text
    # A member of Rups is one of its five answers to the first question: without their own
    # answer four are left, so that dimension has no numbers in their report (route 2).
    assert "3,6" not in text and "minimumaantal" in text


def test_results_hidden_team_pdf_says_too_few_and_nothing_else(client, world, tmp_path):
    pulse = pulse_campaign(world)
    text = _text(tmp_path, _pdf(client, world, world.manager, pulse.campaign, world.other_team))
    assert "Te weinig respondenten" in text
    assert "GEHEIM-POP" not in text
    assert "respondenten\n" not in text.replace("Te weinig respondenten", "")
    assert "Gespreksleidraad" not in text


def test_results_team_pdf_sets_the_parents_of_the_group_beside_the_team(client, world, tmp_path):
    from .test_results_support import parents_campaign

    pulse = pulse_campaign(world, everything=True)
    parents_campaign(world, {world.team: [(1, 2)] * 6}, title="Ouders van de Rups")
    text = _text(tmp_path, _pdf(client, world, world.teamleader, pulse.campaign, world.team))
    assert "Verschil in beleving" in text
    assert "Vergeleken met ‘Ouders van de Rups’" in text
    section = text[text.index("Verschil in beleving") :]
    table = section[section.index("Onderdeel") :].splitlines()
    row = next(line.split() for line in table[1:] if line.strip())
    assert row[-3:] == ["2,8", "1,5", "1,3"]  # team, parents' pooled mean, difference
