import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from lerend.learning import services
from lerend.learning.models import DevelopmentPlan, Evidence, PlannedActivity, ReviewConversation
from lerend.learning.uploads import MAX_UPLOAD_BYTES

from .conftest import access_of

PDF = b"%PDF-1.4\n" + b"x" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def stored_files() -> set[str]:
    folder = Path(settings.MEDIA_ROOT) / "learning" / "evidence"
    return {p.name for p in folder.glob("*")} if folder.exists() else set()


def test_plan_current_starts_this_years_pop(client, world, url):
    client.force_login(world.staff)
    assert client.get(url("learning:plan_current")).status_code == 200
    response = client.post(url("learning:plan_current"))
    plan = DevelopmentPlan.objects.get()
    assert response["Location"] == url("learning:plan_detail", plan_id=plan.pk)
    assert client.get(url("learning:plan_current"))["Location"] == response["Location"]


def test_goal_with_activities_and_self_assessment(client, world, url, plan):
    client.force_login(world.staff)
    response = client.post(
        url("learning:goal_create", plan_id=plan.pk),
        {"title": "Meer buitenspel", "building_blocks": ["innovatie"], "start_score": "3"},
    )
    assert response.status_code == 302
    goal = plan.goals.get(title="Meer buitenspel")
    client.post(
        url("learning:activity_create", plan_goal_id=goal.pk),
        {"description": "Training natuurspel", "planned_for": "2026-03-01"},
    )
    activity = PlannedActivity.objects.get()
    client.post(url("learning:activity_toggle", activity_id=activity.pk))
    activity.refresh_from_db()
    assert activity.done is True
    response = client.post(
        url("learning:goal_edit", plan_goal_id=goal.pk),
        {"title": "Meer buitenspel", "start_score": "3", "end_score": "5", "end_note": "Elke dag"},
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.start_score, goal.end_score, goal.end_note) == (3, 5, "Elke dag")
    html = client.get(url("learning:plan_detail", plan_id=plan.pk)).content.decode()
    assert "Training natuurspel" in html
    assert "5/5" in html


def test_goal_score_outside_1_to_5_is_refused(client, world, url, plan):
    client.force_login(world.staff)
    response = client.post(
        url("learning:goal_create", plan_id=plan.pk), {"title": "X", "start_score": "9"}
    )
    assert response.status_code == 200
    assert plan.goals.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("verslag.pdf", PDF, "application/pdf"),
        ("foto.png", PNG, "image/png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50, "image/jpeg"),
        (
            "plan.docx",
            office("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "cijfers.xlsx",
            office("xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_evidence_upload_accepts_allowed_types(
    client, world, url, plan, name, content, content_type
):
    client.force_login(world.staff)
    response = client.post(
        url("learning:evidence_create", plan_id=plan.pk),
        {"kind": "file", "title": "Bewijs", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.content_type == content_type
    assert name not in evidence.file.name  # random name, not the uploader's
    download = client.get(url("learning:evidence_file", evidence_id=evidence.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == content_type
    assert b"".join(download.streaming_content) == content
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.pdf", b"MZ\x90\x00 not a pdf at all", "Dit soort bestand kun je niet toevoegen"),
        ("script.png", b"<script>alert(1)</script>", "Dit soort bestand kun je niet toevoegen"),
        ("archief.docx", office("iets/anders.xml"), "Dit soort bestand kun je niet toevoegen"),
        ("kapot.xlsx", b"PK\x03\x04 broken zip", "Dit soort bestand kun je niet toevoegen"),
        ("groot.pdf", b"%PDF-" + b"x" * MAX_UPLOAD_BYTES, "Dit bestand is groter dan 5 MB."),
    ],
)
def test_evidence_upload_refuses_wrong_type_or_size_and_saves_nothing(
    client, world, url, plan, name, content, message
):
    before = stored_files()
    client.force_login(world.staff)
    response = client.post(
        url("learning:evidence_create", plan_id=plan.pk),
        {"kind": "file", "title": "Bewijs", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Evidence.objects.count() == 0
    assert stored_files() == before


def test_evidence_text_and_link(client, world, url, plan):
    client.force_login(world.staff)
    client.post(
        url("learning:evidence_create", plan_id=plan.pk),
        {"kind": "text", "title": "Observatie", "text": "Kinderen speelden langer"},
    )
    client.post(
        url("learning:evidence_create", plan_id=plan.pk),
        {"kind": "link", "title": "Filmpje", "url": "https://voorbeeld.nl/film"},
    )
    response = client.post(
        url("learning:evidence_create", plan_id=plan.pk), {"kind": "link", "title": "Leeg"}
    )
    assert response.status_code == 200
    assert sorted(Evidence.objects.values_list("kind", flat=True)) == ["link", "text"]


def test_evidence_delete_removes_the_file(
    client, world, url, plan, django_capture_on_commit_callbacks
):
    evidence = services.add_evidence(
        plan=plan, kind="file", title="Foto", uploaded=SimpleUploadedFile("a.png", PNG)
    )
    path = Path(evidence.file.path)
    assert path.exists()
    client.force_login(world.staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("learning:evidence_delete", evidence_id=evidence.pk))
    assert Evidence.objects.count() == 0
    assert not path.exists()


def test_review_notes_confirmed_by_both_and_reset_on_change(client, world, url, plan):
    client.force_login(world.staff)
    response = client.post(
        url("learning:review_create", plan_id=plan.pk),
        {"kind": "planning", "reviewer": world.teamleader.pk, "held_on": "2026-02-01"},
    )
    review = ReviewConversation.objects.get()
    assert response["Location"] == url("learning:review_detail", review_id=review.pk)
    detail = url("learning:review_detail", review_id=review.pk)
    client.post(detail, {"notes": "We spreken af: twee observaties.", "held_on": "2026-02-01"})
    client.post(url("learning:review_confirm", review_id=review.pk))
    client.force_login(world.teamleader)
    client.post(url("learning:review_confirm", review_id=review.pk))
    review.refresh_from_db()
    assert review.is_confirmed
    client.post(detail, {"notes": "We spreken af: drie observaties.", "held_on": "2026-02-01"})
    review.refresh_from_db()
    assert (review.owner_confirmed_at, review.reviewer_confirmed_at) == (None, None)


def test_review_reviewer_must_cover_the_owner(world, teammate, plan):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.create_review(
            access=access_of(world.staff, world.org),
            plan=plan,
            kind="progress",
            reviewer=teammate,
        )
    assert ReviewConversation.objects.count() == 0


def test_plan_detail_query_count_same_for_one_and_three_goals(
    client, world, url, plan, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.staff)
    address = url("learning:plan_detail", plan_id=plan.pk)
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    for title in ("Twee", "Drie"):
        goal = services.add_goal(plan=plan, title=title, building_blocks=["team"])
        services.add_activity(goal=goal, description="Iets doen")
    with django_assert_num_queries(len(one)):
        assert client.get(address).status_code == 200
