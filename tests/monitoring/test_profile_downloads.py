"""The well-being profiles as XLSX and PDF: the same groups, threshold and numbers as the
overview and the CSV; a small group has no numbers, no child token is ever printed."""

import io
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.factories import TeamFactory

from .test_wellbeing import make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def rounds(world):
    # Groep Rups: 10 children (shown); Groep Pop: 4 children (hidden) with tokens that
    # must never reach a file.
    make_round(world, team=world.team, children=10)
    small = make_round(world, team=world.other_team, children=0)
    from lerend.monitoring.services import wellbeing as services

    for token in ("zon7", "maan8", "ster9", "wolk6"):
        for moment in (1, 2):
            services.record_score(
                round=small,
                actor=world.staff,
                child=token,
                moment=moment,
                wellbeing=1,
                involvement=1,
            )


def test_profiles_xlsx(client, world, url, rounds):
    client.force_login(world.manager)
    response = client.get(url("monitoring:profiles_xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active  # in memory or streamed
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["Locatie", "Groep", "Laatste ronde", "Kinderen"]
    pop = next(r for r in rows if r[1] == "Groep Pop")
    rups = next(r for r in rows if r[1] == "Groep Rups")
    assert pop[3] == "te weinig kinderen om te tonen" and not any(pop[4:])
    assert rups[3:] == [10, 50, 50, 50, 50]  # typed: numeric cells


def test_profiles_pdf_renders_without_tokens_or_hidden_numbers(
    client, world, url, rounds, tmp_path
):
    # A group without any round gets no line of dashes in the PDF: it is counted.
    TeamFactory(location=world.location, organisation=world.org, name="Groep Zonderronde")
    client.force_login(world.manager)
    response = client.get(url("monitoring:profiles_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "welbevinden.pdf"
    pdf.write_bytes(response.content)
    raw = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = " ".join(raw.split())  # a narrow cell may wrap a name over two lines
    assert "Groep Rups" in text and "Groep Pop" in text
    assert "te weinig kinderen om te tonen" in text
    assert "Groep Zonderronde" not in text
    assert "Nog één groep heeft nog geen ronde gehouden" in text
    for token in ("zon7", "maan8", "ster9", "wolk6"):
        assert token not in text
    # Rendered to an image, as a reader would see it (kept for a look in the report).
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and pages[0].stat().st_size > 5000
    keep = Path("/tmp/monitor-profiles-pdf.png")
    keep.write_bytes(pages[0].read_bytes())


def test_profile_downloads_are_404_for_an_outsider(client, world, url, rounds):
    client.force_login(world.outsider)
    assert client.get(url("monitoring:profiles_pdf")).status_code == 404
    assert client.get(url("monitoring:profiles_xlsx")).status_code == 404
