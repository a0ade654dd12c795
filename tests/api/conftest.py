"""API test helpers: make a key the way a person does (through the service) and call the
API through Django's test client, so the whole middleware stack runs."""

import pytest

from lerend.api import services


@pytest.fixture
def make_key(world):
    def make(person, organisation=None, days=90, name="Dashboard"):
        _token, raw = services.create_token(
            person=person, organisation=organisation or world.org, name=name, days=days
        )
        return raw

    return make


@pytest.fixture
def api_get(client):
    def get(path, key=None, **params):
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return client.get(f"/api/v1{path}", params, headers=headers)

    return get
