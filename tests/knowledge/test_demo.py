"""The demo has knowledge in both sectors: published entries, a draft, the expertise
directory, and a filled search index that finds the entries in Dutch — and twice running
it duplicates nothing."""

import pytest

from lerend.demo import builder
from lerend.knowledge import selectors
from lerend.knowledge.models import Expertise, KnowledgeEntry, SearchEntry
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Organisation, Role
from tests.demo.test_demo_content import run_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_demo_knowledge_in_both_sectors(var_dir):
    run_demo()
    counts = KnowledgeEntry.objects.count(), Expertise.objects.count()
    for slug, query in ((builder.CHILDCARE_SLUG, "betrokken"), (builder.SCHOOL_SLUG, "IB'er")):
        org = Organisation.objects.get(slug=slug)
        assert KnowledgeEntry.objects.filter(organisation=org, status="gepubliceerd").count() == 2
        assert KnowledgeEntry.objects.filter(organisation=org, status="concept").count() == 1
        assert Expertise.objects.filter(organisation=org).count() == 2
        assert SearchEntry.objects.filter(organisation=org, kind="practice").exists()
        person = builder_login(org, Role.MEDEWERKER)
        assert selectors.search(resolve_access(person, org), query, kind="knowledge")
    run_demo()
    assert (KnowledgeEntry.objects.count(), Expertise.objects.count()) == counts


def builder_login(org, role):
    from lerend.accounts.models import User

    return User.objects.get(email=builder.login_email(org.slug, role))
