"""Uploading an organisation's own instrument as a YAML file on the questionnaires page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lerend.organisations.models import AuditEntry
from lerend.scans.instruments.loader import DATA_DIR
from lerend.scans.models import OrganisationInstrument

GOOD = (DATA_DIR / "pulse.yaml").read_text(encoding="utf-8").replace("key: pulse", "key: eigen", 1)
# Three mistakes on known lines: a text without English, an item without text, a repeated key.
BROKEN = (
    GOOD.replace(
        "      en: In the past few weeks my team has worked something out or improved something"
        " together.\n",
        "",
        1,
    )
    .replace(
        "    text:\n      nl: Ik weet waar we als team op dit moment aan werken.\n"
        "      en: I know what we are working on as a team right now.\n",
        "",
        1,
    )
    .replace("  - key: pulse.innovatie\n", "  - key: pulse.team\n", 1)
)


def _upload(client, world, content: bytes, name="vragenlijst.yaml"):
    url = reverse("scans:instrument_upload", args=[world.org.slug])
    return client.post(url, {"file": SimpleUploadedFile(name, content, "application/yaml")})


def _line_of(text, needle):
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_instrument_upload_with_three_errors_lists_three_dutch_rows_and_stores_nothing(
    client, world
):
    client.force_login(world.admin)
    response = _upload(client, world, BROKEN.encode())
    assert response.status_code == 400
    errors = response.context["upload_errors"]
    assert len(errors) == 3, [str(e) for e in errors]
    html = response.content.decode()
    assert html.count('class="upload-error"') == 3
    assert "Het bestand heeft 3 fouten; er is niets geïmporteerd." in html
    lines = sorted(e.line for e in errors)
    assert lines == sorted(
        [
            _line_of(BROKEN, "nl: Mijn team heeft de afgelopen weken"),
            _line_of(BROKEN, "key: pulse.visie-missie-doelen"),
            [i for i, t in enumerate(BROKEN.splitlines(), 1) if "key: pulse.team" in t][1],
        ]
    )
    assert OrganisationInstrument.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="instrument.").exists()


def test_instrument_upload_of_a_good_file_creates_one_draft(client, world):
    client.force_login(world.admin)
    response = _upload(client, world, GOOD.encode())
    own = OrganisationInstrument.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("scans:instrument_edit", args=[world.org.slug, own.pk])
    assert own.organisation == world.org
    assert own.key == own.definition["key"] == "regenboog-pulse"
    assert len(own.definition["items"]) == 12
    assert own.definition["name"]["nl"] == "Pulsmeting"


def test_instrument_upload_refuses_a_file_over_200_kb(client, world):
    client.force_login(world.admin)
    response = _upload(client, world, GOOD.encode() + b"#" * 205_000)
    assert response.status_code == 400
    assert response.context["upload_problem"] == (
        "Het bestand is groter dan 200 kB. Upload een kleiner bestand."
    )
    assert OrganisationInstrument.objects.count() == 0


def test_instrument_upload_refuses_a_file_that_is_not_utf8(client, world):
    client.force_login(world.admin)
    response = _upload(client, world, GOOD.encode("utf-16"))
    assert response.status_code == 400
    assert response.context["upload_problem"] == (
        "Het bestand is geen UTF-8-tekst. Sla het op als UTF-8 en upload het opnieuw."
    )
    assert OrganisationInstrument.objects.count() == 0


def test_instrument_upload_refuses_a_file_that_is_not_yaml(client, world):
    client.force_login(world.admin)
    response = _upload(client, world, b"key: [open\nitems: {\n")
    assert response.status_code == 400
    errors = response.context["upload_errors"]
    assert len(errors) == 1
    assert errors[0].message.startswith("Het bestand is geen geldige YAML")
    assert OrganisationInstrument.objects.count() == 0


def test_instrument_upload_without_a_file_says_so(client, world):
    client.force_login(world.admin)
    url = reverse("scans:instrument_upload", args=[world.org.slug])
    response = client.post(url, {})
    assert response.status_code == 400
    assert response.context["upload_problem"] == "Kies een YAML-bestand om te uploaden."


def test_instrument_upload_staff_gets_403(client, world):
    client.force_login(world.staff)
    assert _upload(client, world, GOOD.encode()).status_code == 403
    assert OrganisationInstrument.objects.count() == 0


def test_instrument_upload_outsider_gets_404(client, world):
    client.force_login(world.outsider)
    assert _upload(client, world, GOOD.encode()).status_code == 404
    assert OrganisationInstrument.objects.count() == 0


def test_instrument_list_shows_the_upload_form_to_managers_only(client, world):
    url = reverse("scans:instruments", args=[world.org.slug])
    client.force_login(world.admin)
    assert 'id="id_file"' in client.get(url).content.decode()
    client.force_login(world.board)
    response = client.get(url)
    if response.status_code == 200 and not response.context["can_manage"]:
        assert 'id="id_file"' not in response.content.decode()
