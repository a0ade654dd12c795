import pytest
from django.urls import reverse


@pytest.fixture
def url():
    """reverse() for the regenboog organisation: url("organisations:teams", team_id=...)."""

    def _url(name, **kwargs):
        return reverse(name, kwargs={"org_slug": "regenboog", **kwargs})

    return _url
