import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection
from django.utils import translation
from openpyxl import Workbook

from lerend.accounts.models import User
from lerend.organisations import imports
from lerend.organisations.invitations import services
from lerend.organisations.models import AuditEntry, Invitation, Membership, Role, Scope
from tests.factories import LocationFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "naam;e-mail;locatie;team;rol;fte\n"


def _check(world, text: str, filename="staff.csv"):
    rows = imports.parse_upload(filename, text.encode("utf-8"))
    with translation.override("nl"):
        return imports.validate_rows(rows, imports.build_context(world.org))


def _errors(world, line: str) -> list[str]:
    (row,) = _check(world, HEADER + line)
    with translation.override("nl"):
        return row.errors


def test_import_valid_row_resolves_team_scope(world):
    (row,) = _check(
        world, HEADER + "Anna de Vries;anna@example.nl;De Vlinder;Groep Rups;teamleider;0,8\n"
    )
    assert row.errors == []
    assert (row.role, row.scope, row.team, str(row.fte)) == (
        Role.TEAMLEIDER,
        Scope.TEAM,
        world.team,
        "0.80",
    )


def test_import_english_headers_comma_delimiter(world):
    text = "Name,Email,Location,Team,Role,FTE\nAnna,anna@example.nl,De Vlinder,,coach,1\n"
    (row,) = _check(world, text)
    assert row.errors == []
    assert (row.scope, row.location, row.role) == (Scope.LOCATION, world.location, Role.COACH)


def test_import_dutch_role_label_accepted(world):
    assert _errors(world, "Anna;anna@example.nl;;;Locatiemanager;1") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (";anna@example.nl;;;;", "De naam ontbreekt."),
        ("Anna;;;;;", "Het e-mailadres ontbreekt."),
        ("Anna;anna@;;;;", "“anna@” is geen geldig e-mailadres."),
        ("Anna;anna@example.nl;Nergens;;;", "Onbekende locatie “Nergens”."),
        ("Anna;anna@example.nl;;Groep Niets;;", "Onbekend team “Groep Niets”."),
        ("Anna;anna@example.nl;;;directeur;", "Onbekende rol “directeur”."),
        ("Anna;anna@example.nl;;;;veel", "FTE “veel” kan niet"),
        ("Anna;anna@example.nl;;;;1,3", "FTE “1,3” kan niet"),
        ("Anna;anna@example.nl;;;;-0,1", "FTE “-0,1” kan niet"),
    ],
)
def test_import_row_errors_in_dutch(world, line, message):
    errors = _errors(world, line)
    assert len(errors) == 1
    assert errors[0].startswith(message), errors


def test_import_team_not_in_location(world):
    other = LocationFactory(organisation=world.org, name="De Mier")
    errors = _errors(world, f"Anna;anna@example.nl;{other.name};Groep Rups;;")
    assert errors == ["Team “Groep Rups” hoort niet bij locatie “De Mier”."]


def test_import_existing_member_and_duplicate_in_file(world):
    text = HEADER + (
        f"Sam;{world.staff.email.upper()};;;;\n"
        "Anna;anna@example.nl;;;;\n"
        "Anna 2;Anna@Example.nl;;;;\n"
    )
    rows = _check(world, text)
    with translation.override("nl"):
        assert [r.errors for r in rows] == [
            ["Deze persoon is al lid van de organisatie."],
            [],
            ["Dit e-mailadres staat ook op regel 3 van het bestand."],
        ]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "a.csv", "Het bestand is leeg."),
        (b"naam;e-mail\n", "a.csv", "Het bestand heeft kolomnamen maar geen mensen."),
        (b"voornaam;telefoon\nAnna;06\n", "a.csv", "De eerste regel moet de kolommen noemen"),
        (b"\x00\x81\x8d\x8f\x90\x9d", "a.csv", "De tekencodering van het bestand"),
        (b"naam\nAnna\n", "a.pdf", "Upload een .csv- of .xlsx-bestand."),
        (b"not a zip", "a.xlsx", "Dit is geen leesbaar Excel-bestand (.xlsx)."),
    ],
)
def test_import_file_errors_in_dutch(data, filename, message):
    with translation.override("nl"), pytest.raises(imports.ImportFileError) as error:
        imports.parse_upload(filename, data)
    assert str(error.value).startswith(message)


def test_import_file_too_large_or_too_many_rows():
    with translation.override("nl"):
        with pytest.raises(imports.ImportFileError, match="groter dan 2 MB"):
            imports.parse_upload("a.csv", b"x" * (imports.MAX_BYTES + 1))
        many = "naam;e-mail\n" + "A;a@b.nl\n" * (imports.MAX_ROWS + 1)
        with pytest.raises(imports.ImportFileError, match="meer dan 5000 regels"):
            imports.parse_upload("a.csv", many.encode())


def test_import_cp1252_file(world):
    data = (HEADER + "Zoë Müller;zoe@example.nl;De Vlinder;;;0,5\n").encode("cp1252")
    rows = imports.parse_upload("staff.csv", data)
    assert rows[0]["name"] == "Zoë Müller"


def test_import_utf8_bom_file():
    data = ("\ufeff" + HEADER + "Zoë;zoe@example.nl;;;;\n").encode("utf-8")
    assert imports.parse_upload("staff.csv", data)[0]["name"] == "Zoë"


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_import_xlsx(world):
    data = _xlsx(
        [
            ["Naam", "E-mail", "Locatie", "Team", "Rol", "FTE"],
            ["Anna", "anna@example.nl", "De Vlinder", "Groep Pop", "medewerker", 0.8],
            [None, None, None, None, None, None],
            ["Bert", "bert@example.nl", None, None, None, 1],
        ]
    )
    rows = imports.parse_upload("staff.xlsx", data)
    assert [(r["name"], r["fte"], r["line"]) for r in rows] == [
        ("Anna", "0.8", 2),
        ("Bert", "1", 3),
    ]
    checked = imports.validate_rows(rows, imports.build_context(world.org))
    assert [r.errors for r in checked] == [[], []]
    assert checked[0].team == world.other_team


# --- through the pages and the service -----------------------------------------------------


def _upload(client, url, text, name="staff.csv"):
    return client.post(
        url("organisations:import_upload"),
        {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")},
    )


def test_import_flow_preview_then_confirm(client, world, url, django_capture_on_commit_callbacks):
    existing = UserFactory(email="bestaand@example.nl", name="Bestaand")
    client.force_login(world.admin)
    text = HEADER + (
        "Anna;anna@example.nl;De Vlinder;Groep Rups;;0,8\n"
        "Bestaand;bestaand@example.nl;De Vlinder;;coach;0.5\n"
    )
    response = _upload(client, url, text)
    assert response.status_code == 302
    preview = client.get(url("organisations:import_preview"))
    assert preview.status_code == 200
    assert preview.context["error_count"] == 0
    assert not User.objects.filter(email="anna@example.nl").exists()  # dry run
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("organisations:import_preview"))
    assert response.status_code == 302
    anna = User.objects.get(email="anna@example.nl")
    assert not anna.has_usable_password()
    assert Membership.objects.get(person=anna).team == world.team
    assert Membership.objects.get(person=existing).role == Role.COACH
    assert Invitation.objects.filter(email="anna@example.nl").count() == 1
    assert [m.to for m in mail.outbox] == [["anna@example.nl"]]
    assert "/uitnodiging/" in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="import.staff")
    assert entry.after == {"rows": 2, "new_people": 1, "existing_people": 1}


def test_import_preview_with_errors_cannot_confirm(client, world, url):
    client.force_login(world.admin)
    _upload(client, url, HEADER + "Anna;anna@example.nl;Nergens;;;\n")
    preview = client.get(url("organisations:import_preview"))
    assert preview.context["error_count"] == 1
    assert "Onbekende locatie “Nergens”." in preview.content.decode()
    client.post(url("organisations:import_preview"))
    assert not User.objects.filter(email="anna@example.nl").exists()


def test_import_revalidates_on_confirm(client, world, url):
    client.force_login(world.admin)
    _upload(client, url, HEADER + "Anna;anna@example.nl;De Vlinder;Groep Pop;;\n")
    world.other_team.delete()  # the data changes between preview and confirm
    response = client.post(url("organisations:import_preview"))
    assert response.status_code == 200
    assert not User.objects.filter(email="anna@example.nl").exists()


def test_import_file_error_shown_on_upload_page(client, world, url):
    client.force_login(world.admin)
    response = _upload(client, url, "")
    assert response.status_code == 200
    assert "Het bestand is leeg." in response.content.decode() or response.context["form"].errors


def _fail_inserts_into_team(team_id):
    """A real database failure for memberships of one team: (create, drop) SQL per vendor."""
    if connection.vendor == "postgresql":
        return (
            [
                "CREATE FUNCTION lerend_fail_second() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.team_id = {team_id} THEN "
                "RAISE EXCEPTION 'boom' USING ERRCODE = '23000'; END IF; RETURN NEW; END "
                "$$ LANGUAGE plpgsql",
                "CREATE TRIGGER fail_second BEFORE INSERT ON organisations_membership "
                "FOR EACH ROW EXECUTE FUNCTION lerend_fail_second()",
            ],
            [
                "DROP TRIGGER fail_second ON organisations_membership",
                "DROP FUNCTION lerend_fail_second()",
            ],
        )
    return (
        [
            "CREATE TRIGGER fail_second BEFORE INSERT ON organisations_membership "
            f"WHEN NEW.team_id = {team_id} BEGIN SELECT RAISE(ABORT, 'boom'); END"
        ],
        ["DROP TRIGGER fail_second"],
    )


def test_import_is_atomic_on_database_error(world, django_capture_on_commit_callbacks):
    team = TeamFactory(location=world.location, name="Groep Vlieg")
    rows = imports.parse_upload(
        "s.csv",
        (
            HEADER + "Anna;anna@example.nl;;Groep Rups;;\nBert;bert@example.nl;;Groep Vlieg;;\n"
        ).encode(),
    )
    create, drop = _fail_inserts_into_team(team.pk)
    with connection.cursor() as cursor:
        # A real database failure on the second row only.
        for sql in create:
            cursor.execute(sql)
    try:
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(IntegrityError):
            services.import_staff(organisation=world.org, actor=world.admin, raw_rows=rows)
    finally:
        with connection.cursor() as cursor:
            for sql in drop:
                cursor.execute(sql)
    assert not User.objects.filter(email__in=["anna@example.nl", "bert@example.nl"]).exists()
    assert Invitation.objects.count() == 0
    assert AuditEntry.objects.filter(action="import.staff").count() == 0
    assert mail.outbox == []


def test_import_pages_personas(client, world, url):
    client.force_login(world.teamleader)
    assert client.get(url("organisations:import_preview")).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url("organisations:import_preview")).status_code == 404
    client.force_login(world.admin)
    assert client.get(url("organisations:import_preview")).status_code == 302
