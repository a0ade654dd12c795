import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lerend.scans.models import AccessCode, Response, ScanInvitation
from lerend.scans.services import token_for

from .test_campaign_support import close_in_past, invitation_of, launched

pytestmark = pytest.mark.django_db


def _links(invitation):
    token = token_for(invitation.nonce)
    return {
        "start": reverse("respond:start", args=[token]),
        "page1": reverse("respond:page", args=[token, 1]),
        "review": reverse("respond:review", args=[token]),
        "language": reverse("respond:language", args=[token]),
    }


@pytest.fixture
def pulse(world):
    campaign = launched(world)
    invitation = invitation_of(campaign, world.staff)
    return campaign, invitation, _links(invitation)


def test_questionnaire_start_page_needs_no_login(client, pulse):
    campaign, _, links = pulse
    response = client.get(links["start"])
    assert response.status_code == 200
    content = response.content.decode()
    assert "Pulse najaar" in content
    assert "Uitkomsten worden alleen getoond voor groepen van minstens 5 mensen." in content


def test_questionnaire_page_has_fieldsets_progress_and_separate_dont_know(client, pulse):
    campaign, _, links = pulse
    content = client.get(links["page1"]).content.decode()
    instrument = campaign.instrument_version.instrument
    assert content.count("<fieldset") == len(instrument.items) == 12
    assert content.count("<legend>") == 12
    assert '<progress id="progress" max="2" value="1">' in content
    assert 'class="q-dont-know"' in content
    assert content.count('value="dk"') == 12
    assert 'name="action" value="save"' in content


def test_questionnaire_save_and_continue_later(client, pulse):
    campaign, invitation, links = pulse
    items = campaign.instrument_version.instrument.items
    data = {items[0].key: "4", items[1].key: "dk", items[2].key: "9", "action": "save"}
    response = client.post(links["page1"], data)
    assert response.status_code == 200
    assert "Je antwoorden zijn bewaard" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.draft["answers"] == {items[0].key: 4, items[1].key: "dk"}
    assert Response.objects.count() == 0
    # Later, another device: a fresh client with the same link.
    from django.test import Client

    other = Client()
    assert "Verdergaan waar je was gebleven" in other.get(links["start"]).content.decode()
    page = other.get(links["page1"]).content.decode()
    assert f'name="{items[0].key}" value="4" checked' in page
    assert f'name="{items[1].key}" value="dk" checked' in page


def test_questionnaire_next_review_submit_thanks(client, pulse):
    campaign, invitation, links = pulse
    items = campaign.instrument_version.instrument.items
    response = client.post(links["page1"], {items[0].key: "5", "action": "next"})
    assert response["Location"] == links["review"]
    review = client.get(links["review"])
    assert "1 van 12" in review.content.decode()
    response = client.post(links["review"])
    assert response["Location"] == reverse("respond:thanks")
    assert client.get(response["Location"]).status_code == 200
    assert Response.objects.filter(campaign=campaign).count() == 1
    # double click / second tab: friendly page, nothing stored twice
    again = client.post(links["review"])
    assert again.status_code == 410
    assert "Je antwoorden zijn al ontvangen" in again.content.decode()
    assert Response.objects.filter(campaign=campaign).count() == 1
    assert client.get(links["page1"]).status_code == 410


def test_questionnaire_previous_goes_back_to_start_from_first_page(client, pulse):
    _, _, links = pulse
    response = client.post(links["page1"], {"action": "previous"})
    assert response["Location"] == links["start"]


def test_questionnaire_unknown_token_is_a_clear_page(client, db):
    response = client.get(reverse("respond:start", args=["a" * 40]))
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()


def test_questionnaire_closed_campaign_is_friendly(client, pulse):
    campaign, _, links = pulse
    close_in_past(campaign)
    response = client.get(links["page1"])
    assert response.status_code == 410
    assert "Deze vragenlijst is gesloten" in response.content.decode()


def test_questionnaire_not_yet_open(client, world):
    campaign = launched(world)
    type(campaign).objects.filter(pk=campaign.pk).update(
        opens_on=timezone.localdate() + datetime.timedelta(days=2)
    )
    links = _links(invitation_of(campaign, world.staff))
    assert "Deze vragenlijst is nog niet open" in client.get(links["start"]).content.decode()


def test_questionnaire_language_switch_per_respondent(client, pulse):
    campaign, invitation, links = pulse
    item = campaign.instrument_version.instrument.items[0]
    response = client.post(links["language"], {"language": "en", "next": links["page1"]})
    assert response["Location"] == links["page1"]
    page = client.get(links["page1"]).content.decode()
    assert item.text.en in page
    assert "Don&#x27;t know" in page
    assert '<html lang="en">' in page
    invitation.refresh_from_db()
    assert invitation.language == "en"
    # the next parameter may not lead away from the questionnaire
    response = client.post(links["language"], {"language": "nl", "next": "https://evil.example/"})
    assert response["Location"] == links["start"]


def test_questionnaire_comment_is_kept_with_max_length(client, world):
    campaign = launched(world, key="lerende-organisatiescan")
    invitation = invitation_of(campaign, world.staff)
    instrument = campaign.instrument_version.instrument
    question = instrument.open_questions[0]
    number = next(
        i
        for i, page in enumerate(instrument.pages, 1)
        if question in instrument.open_questions_for(page)
    )
    link = reverse("respond:page", args=[token_for(invitation.nonce), number])
    client.post(link, {question.key: "x" * 2500, "action": "save"})
    invitation.refresh_from_db()
    assert invitation.draft["comments"] == {question.key: "x" * 2000}
    assert 'maxlength="2000"' in client.get(link).content.decode()


def test_access_code_starts_own_link_and_works_once(client, world):
    campaign = launched(world, key="ouders", audience="parents", role_groups=())
    code = AccessCode.objects.filter(campaign=campaign, team_key=world.team.pk).first()
    assert code.use_limit == 1
    response = client.post(reverse("respond:code"), {"code": code.code.lower()})
    assert response["Location"] == reverse("respond:code_start", args=[code.code])
    assert client.get(response["Location"]).status_code == 200
    response = client.post(reverse("respond:code_start", args=[code.code]), {"language": "en"})
    invitation = ScanInvitation.objects.get(campaign=campaign)
    assert response["Location"] == reverse("respond:page", args=[token_for(invitation.nonce), 1])
    assert (invitation.person, invitation.team_key, invitation.role_group, invitation.language) == (
        None,
        world.team.pk,
        "ouders",
        "en",
    )
    again = client.post(reverse("respond:code_start", args=[code.code]), {"language": "nl"})
    assert again.status_code == 410
    assert ScanInvitation.objects.filter(campaign=campaign).count() == 1
