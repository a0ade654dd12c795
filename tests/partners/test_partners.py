"""Ketenpartners: the registry, contacts as personal data, agreements with a review task,
activities in the search, and the two-sided pulse through single-use links and the gate."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from lerend.kit import contrib
from lerend.knowledge import selectors as knowledge
from lerend.knowledge import services as knowledge_services
from lerend.organisations.access import resolve_access
from lerend.partners import selectors, services
from lerend.partners.models import Activity, Agreement, Contact, Partner, PulseAnswer, PulseLink
from lerend.partners.tasks import delete_expired_contacts

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_team_staff(world):
    from tests.factories import member

    return member(world.org, team=world.other_team)


@pytest.fixture
def partner(world, django_capture_on_commit_callbacks):
    # The search refresh runs after the commit: let it run here, as a commit would.
    with django_capture_on_commit_callbacks(execute=True):
        return _partner(world)


def _partner(world):
    p = services.save_partner(
        partner=Partner(
            organisation=world.org,
            name="Basisschool De Horizon",
            kind="primary_school",
            description="Doorgaande lijn met de kleutergroep",
        ),
        actor=world.coach,
        colleagues=[world.staff],
    )
    services.save_contact(
        contact=Contact(
            partner=p, name="Marieke Geheimnaam", role="IB'er", email="ib@horizon.example"
        ),
        actor=world.coach,
    )
    return p


def test_personas_on_the_registry(client, world, partner):
    slug = world.org.slug
    client.force_login(world.teamleader)
    assert client.get(reverse("partners:index", args=[slug])).status_code == 200
    assert client.get(reverse("partners:create", args=[slug])).status_code == 200
    client.force_login(world.staff)
    assert client.get(reverse("partners:create", args=[slug])).status_code == 403
    client.force_login(world.outsider)
    assert client.get(reverse("partners:detail", args=[slug, partner.pk])).status_code == 404


def test_contacts_only_for_those_who_work_with_the_partner(
    client, world, partner, other_team_staff
):
    url = reverse("partners:detail", args=[world.org.slug, partner.pk])
    client.force_login(other_team_staff)
    page = client.get(url)
    assert page.status_code == 200 and "Geheimnaam" not in page.text
    client.force_login(world.staff)  # a colleague who works with the partner
    assert "Geheimnaam" in client.get(url).text
    client.force_login(world.coach)
    page = client.get(url)
    assert "Geheimnaam" in page.text and "Child-level" not in page.text  # Dutch UI
    assert "kindgegevens" in page.text.lower() or "overdrachtsgegevens" in page.text.lower()


def test_expired_contacts_are_deleted(world, partner):
    Contact.objects.filter(partner=partner).update(
        keep_until=datetime.date.today() - datetime.timedelta(days=1)
    )
    assert delete_expired_contacts.call() == 1
    assert not Contact.objects.exists()


def test_an_agreement_due_for_review_is_a_home_task(client, world, partner):
    today = datetime.date.today()
    services.save_agreement(
        agreement=Agreement(
            partner=partner,
            title="Convenant doorgaande lijn",
            kind="covenant",
            starts_on=today - datetime.timedelta(days=400),
            review_on=today,
            owner=world.coach,
        ),
        actor=world.coach,
    )
    client.force_login(world.coach)
    home = client.get(reverse("web:org_home", args=[world.org.slug]))
    assert "Convenant doorgaande lijn" in home.text
    assert [a.title for a in selectors.agreements_due(resolve_access(world.coach, world.org))] == [
        "Convenant doorgaande lijn"
    ]
    assert selectors.agreements_due(resolve_access(world.staff, world.org)) == []


def test_partners_and_activities_are_findable_contacts_never(
    world, partner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.save_activity(
            activity=Activity(
                partner=partner,
                kind="handover",
                title="Warme overdracht voorjaar",
                held_on=datetime.date.today(),
                description="Taalontwikkeling besproken",
            ),
            actor=world.coach,
        )
    access = resolve_access(world.staff, world.org)
    found = [r["entry"].title for r in knowledge.search(access, "overdracht")]
    assert found == ["Warme overdracht voorjaar"]
    assert [r["entry"].title for r in knowledge.search(access, "Horizon")] != []
    assert knowledge.search(access, "Geheimnaam") == []
    knowledge_services.reindex_organisation(organisation=world.org)
    assert knowledge.search(access, "Geheimnaam") == []


def test_an_activity_cannot_link_another_organisations_goal(world, partner):
    from lerend.improvement.models import Goal

    today = datetime.date.today()
    foreign = Goal.objects.create(
        organisation=world.other_org,
        level="organisation",
        title="Elders",
        starts_on=today,
        ends_on=today,
    )
    with pytest.raises(Exception, match="organisatie|organisation"):
        services.save_activity(
            activity=Activity(
                partner=partner, kind="meeting", title="x", held_on=today, goal=foreign
            ),
            actor=world.coach,
        )


def _pulse(world, partner, extra_contacts=0, extra_colleagues=()):
    for n in range(extra_contacts):
        services.save_contact(
            contact=Contact(partner=partner, name=f"C{n}", email=f"c{n}@p.example"),
            actor=world.coach,
        )
    if extra_colleagues:
        partner.colleagues.add(*extra_colleagues)
    return services.create_pulse(
        organisation=world.org,
        actor=world.coach,
        title="Hoe werken we samen?",
        partners=[partner],
        closes_on=datetime.date.today() + datetime.timedelta(days=7),
    )


def _tokens():
    import re

    return [re.search(r"/partnerpuls/([^/]+)/", m.body).group(1) for m in mail.outbox]


ALL_FOUR = {"expectations": 4, "agreements": 3, "information": 5, "learning": 4}


def test_the_pulse_link_works_once_without_an_account(
    client, world, partner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _pulse(world, partner)
    tokens = _tokens()
    assert len(tokens) == 2  # the contact (their side) and the colleague (our side)
    url = reverse("partners_public:pulse_answer", args=[tokens[0]])
    assert client.get(url).status_code == 200
    assert client.post(url, ALL_FOUR).status_code == 200
    assert client.get(url).status_code == 404
    assert client.post(url, ALL_FOUR).status_code == 404
    assert PulseAnswer.objects.count() == 1
    assert client.get(reverse("partners_public:pulse_answer", args=["nonsense"])).status_code == 404


def test_pulse_results_only_through_the_gate_and_after_closing(
    world, partner, django_capture_on_commit_callbacks
):
    from tests.factories import member

    colleagues = [member(world.org, team=world.team) for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        pulse = _pulse(world, partner, extra_contacts=2, extra_colleagues=colleagues)
    links = list(PulseLink.objects.filter(pulse=pulse))
    assert sorted(link.side for link in links) == ["ours"] * 5 + ["theirs"] * 3
    for token in _tokens():
        services.answer_pulse(token=token, scores=ALL_FOUR)
    ready, results = selectors.pulse_results(pulse)
    assert not ready and results == []  # still open
    pulse.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    pulse.save()
    ready, results = selectors.pulse_results(pulse)
    labels = [r.label for r in results]
    # Our side (5) is shown; the partners' side (3 < k) is not, and neither is "both
    # together", which minus our side would give theirs.
    assert ready and labels in (["Onze kant"], ["Our side"])
    assert all(r.n >= pulse.k for r in results)


def test_erasure_and_download(world, partner):
    from lerend.organisations import services as org_services

    assert contrib.own_data(world.staff)["partners"]["partners_worked_with"] == [
        "Basisschool De Horizon"
    ]
    org_services.erase_person(person=world.staff, organisation=world.org, actor=world.admin)
    assert not partner.colleagues.filter(pk=world.staff.pk).exists()


@pytest.mark.parametrize("n", [1, 3])
def test_registry_and_partner_page_are_flat(client, world, n, django_assert_max_num_queries):
    for i in range(n):
        p = services.save_partner(
            partner=Partner(organisation=world.org, name=f"P{i}", kind="gemeente"),
            actor=world.coach,
        )
        for j in range(n):
            services.save_contact(contact=Contact(partner=p, name=f"C{j}"), actor=world.coach)
            Activity.objects.create(
                partner=p, kind="meeting", title=f"A{j}", held_on=datetime.date.today()
            )
    client.force_login(world.coach)
    with django_assert_max_num_queries(22):
        assert client.get(reverse("partners:index", args=[world.org.slug])).status_code == 200
    with django_assert_max_num_queries(22):
        assert (
            client.get(reverse("partners:detail", args=[world.org.slug, p.pk])).status_code == 200
        )


def test_pulse_mails_wait_in_the_outbox_until_the_worker_sends_them(
    world, partner, django_capture_on_commit_callbacks
):
    """The request only queues: no mail leaves before the commit, each link is one outbox
    row with its own key, the worker sends them once, and running it again sends nothing."""
    from lerend.background import services as outbox
    from lerend.background.models import MailState, OutboxMail

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pulse = _pulse(world, partner)
    assert mail.outbox == []
    rows = OutboxMail.objects.filter(group="partners")
    assert sorted(rows.values_list("key", flat=True)) == [
        f"partners.pulse:{pulse.pk}:0",
        f"partners.pulse:{pulse.pk}:1",
    ]
    assert all(row.body.count("http://") + row.body.count("https://") == 1 for row in rows)
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2
    assert set(rows.values_list("state", flat=True)) == {MailState.SENT}
    assert outbox.deliver(group="partners").sent == 0
    assert len(mail.outbox) == 2
