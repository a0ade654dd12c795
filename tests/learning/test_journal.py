import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from lerend.learning import services
from lerend.learning.models import JournalEntry, JournalReminder, PlanGoal, Share
from lerend.learning.tasks import send_journal_reminders
from lerend.learning.tasks_home import tasks_for

from .conftest import SECRET


def test_my_learning_opens_for_every_member(client, world, url):
    for person in (world.staff, world.coach, world.board):
        client.force_login(person)
        assert client.get(url("learning:my_learning")).status_code == 200
    client.force_login(world.outsider)
    assert client.get(url("learning:my_learning")).status_code == 404


def test_entry_create_shows_korthagen_prompts_in_details(client, world, url):
    client.force_login(world.staff)
    html = client.get(url("learning:entry_create")).content.decode()
    assert "<details" in html
    assert "Terugblikken" in html
    assert "Welke mogelijkheid ga je uitproberen" in html
    assert 'class="journal-text"' in html


def test_entry_create_saves_private_entry_with_blocks(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("learning:entry_create"),
        {
            "body": "Ik merkte dat ik te snel inviel.",
            "phase": "awareness",
            "building_blocks": ["cultuur", "team"],
        },
    )
    entry = JournalEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("learning:entry_detail", entry_id=entry.pk)
    assert entry.owner == world.staff
    assert entry.building_blocks == ["team", "cultuur"]
    assert Share.objects.count() == 0


def test_entry_create_refuses_empty_body_and_unknown_block(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("learning:entry_create"), {"body": "", "building_blocks": ["bestaat-niet"]}
    )
    assert response.status_code == 200
    assert JournalEntry.objects.count() == 0
    html = response.content.decode()
    assert "Niet opgeslagen: kijk de gemarkeerde velden hieronder na." in html
    assert "bestaat-niet" in html  # the choice error names the unknown value


def test_entry_edit_and_delete_by_owner(client, world, url, entry):
    client.force_login(world.staff)
    response = client.post(
        url("learning:entry_edit", entry_id=entry.pk), {"body": "Nieuwe tekst", "title": ""}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body == "Nieuwe tekst"
    response = client.post(url("learning:entry_delete", entry_id=entry.pk))
    assert response.status_code == 302
    assert JournalEntry.objects.count() == 0


def test_entry_share_form_offers_coverage_and_own_team_only(client, world, teammate, url, entry):
    """The people picker of the share form finds the coaches and leaders who cover the
    owner, each with their role, and no colleague; the team choice is the owner's team."""
    client.force_login(world.staff)
    html = client.get(url("learning:entry_detail", entry_id=entry.pk)).content.decode()
    assert f'<option value="{world.team.pk}">' in html
    assert f'value="{world.other_team.pk}"' not in html
    token = re.search(r'data-scope="([^"]+)"', html).group(1)
    search = reverse("organisations:people_search", kwargs={"org_slug": "regenboog"})
    found = client.get(search, {"scope": token, "q": ""}).content.decode()
    offered = {int(pk) for pk in re.findall(r'data-value="(\d+)"', found)}
    covering = {world.coach, world.teamleader, world.manager, world.board, world.admin}
    assert offered == {p.pk for p in covering}
    assert teammate.pk not in offered
    assert f'{world.coach.name} <span class="picker__meta">Coach</span>' in found


def test_entry_share_by_post_with_forged_target_is_refused(client, world, teammate, url, entry):
    client.force_login(world.staff)
    client.post(url("learning:entry_share", entry_id=entry.pk), {"person": teammate.pk})
    client.post(url("learning:entry_share", entry_id=entry.pk), {"team": 999999})
    client.post(url("learning:entry_share", entry_id=entry.pk), {"team": world.other_team.pk})
    assert Share.objects.count() == 0
    client.post(url("learning:entry_share", entry_id=entry.pk), {"person": world.coach.pk})
    client.post(url("learning:entry_share", entry_id=entry.pk), {"person": world.coach.pk})
    assert list(Share.objects.values_list("person_id", flat=True)) == [world.coach.pk]


def test_entry_to_goal_creates_goal_in_this_years_pop(client, world, url, entry):
    client.force_login(world.staff)
    response = client.get(url("learning:entry_to_goal", entry_id=entry.pk))
    assert response.status_code == 200
    assert "Moeilijk moment" in response.content.decode()
    response = client.post(
        url("learning:entry_to_goal", entry_id=entry.pk),
        {
            "title": "Eerst ademhalen",
            "description": SECRET,
            "building_blocks": ["cultuur"],
            "start_score": "2",
            "start_note": "Lukt nog niet vaak",
        },
    )
    goal = PlanGoal.objects.get()
    assert response.status_code == 302
    assert goal.source_entry == entry
    assert goal.plan.owner == world.staff
    assert goal.plan.year == datetime.date.today().year
    assert goal.start_score == 2


def test_my_learning_query_count_is_the_same_for_one_and_three_entries(
    client, world, django_assert_num_queries, url
):
    def make(n):
        for i in range(n):
            services.create_entry(
                organisation=world.org,
                owner=world.staff,
                body=f"Tekst {i}",
                building_blocks=["team"],
            )

    client.force_login(world.staff)
    make(1)
    client.get(url("learning:my_learning"))  # warm the session and framework caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get(url("learning:my_learning")).status_code == 200
    make(2)
    with django_assert_num_queries(len(one)):
        assert client.get(url("learning:my_learning")).status_code == 200


def test_reminder_opt_in_and_out(client, world, url):
    client.force_login(world.staff)
    assert client.get(url("learning:reminder")).status_code == 200
    client.post(url("learning:reminder"), {"weekday": "4"})
    assert JournalReminder.objects.get().weekday == 4
    client.post(url("learning:reminder"), {"weekday": ""})
    assert JournalReminder.objects.count() == 0


@pytest.mark.django_db
def test_reminder_task_mails_once_a_week_without_journal_text(world, entry):
    today = datetime.date.today()
    services.set_reminder(organisation=world.org, person=world.staff, weekday=today.weekday())
    services.set_reminder(
        organisation=world.org, person=world.coach, weekday=(today.weekday() + 1) % 7
    )
    result = send_journal_reminders.enqueue()
    assert result.return_value == 1
    assert [m.to for m in mail.outbox] == [[world.staff.email]]
    assert "/o/regenboog/leren/dagboek/nieuw/" in mail.outbox[0].body
    assert SECRET not in mail.outbox[0].body
    call_command("daily")  # enqueues it again the same day: still one reminder
    reminders = [m for m in mail.outbox if "/o/regenboog/leren/dagboek/nieuw/" in m.body]
    assert len(reminders) == 1


def test_tasks_for_lists_reviews_to_confirm(rf, world, plan):
    from .conftest import access_of

    review = services.create_review(
        access=access_of(world.staff, world.org), plan=plan, kind="progress", reviewer=world.coach
    )
    request = rf.get("/")
    request.user, request.access = world.coach, access_of(world.coach, world.org)
    assert tasks_for(request) == []
    services.save_review_notes(review=review, notes="Goed gesprek")
    tasks = tasks_for(request)
    assert [t.url for t in tasks] == [f"/o/regenboog/leren/gesprekken/{review.pk}/"]
    services.confirm_review(review=review, person=world.coach)
    assert tasks_for(request) == []


def test_entry_turns_into_action_with_prefilled_form(client, world, url):
    from lerend.learning import services

    entry = services.create_entry(
        organisation=world.org,
        owner=world.staff,
        body="Het fruitmoment loopt uit.",
        title="Fruitmoment korter",
        building_blocks=["team"],
    )
    client.force_login(world.staff)
    body = client.get(url("learning:entry_detail", entry_id=entry.pk)).content.decode()
    link = (
        "/o/regenboog/verbeteren/acties/nieuw/"
        "?origin=reflectie&amp;block=team&amp;title=Fruitmoment%20korter"
    )
    assert link in body
    form = client.get(link.replace("&amp;", "&")).context["form"]
    assert form.initial["origin"] == "reflectie"
    assert form.initial["title"] == "Fruitmoment korter"
    assert form.initial["building_blocks"] == ["team"]
