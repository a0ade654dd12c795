import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse


@pytest.mark.django_db
def test_every_static_asset_a_page_references_exists(client, world):
    client.force_login(world.admin)
    pages = [reverse("accounts:login"), reverse("web:org_home", args=["regenboog"])]
    found = set()
    for url in pages:
        body = client.get(url).content.decode()
        found |= set(re.findall(r'(?:src|href)="/static/([^"]+)"', body))
    assert "django_htmx/htmx-2.min.js" in found
    missing = sorted(path for path in found if finders.find(path) is None)
    assert missing == []
