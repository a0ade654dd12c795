import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse


@pytest.mark.django_db
def test_every_static_asset_a_page_references_exists(client, world):
    client.force_login(world.admin)
    board = reverse("improvement:board", args=["regenboog", world.team.pk])
    pages = [reverse("accounts:login"), reverse("web:org_home", args=["regenboog"]), board]
    found = set()
    per_page = {}
    for url in pages:
        body = client.get(url).content.decode()
        per_page[url] = set(re.findall(r'(?:src|href)="/static/([^"]+)"', body))
        found |= per_page[url]
    # htmx only on the pages that use it (the team board), not on every page.
    assert "django_htmx/htmx-2.min.js" in per_page[board]
    assert "django_htmx/htmx-2.min.js" not in per_page[pages[1]]
    missing = sorted(path for path in found if finders.find(path) is None)
    assert missing == []
