"""The version from pyproject.toml, in the footer and in the API, without a key."""

import tomllib
from pathlib import Path

import pytest

import lerend

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_version_is_pyprojects():
    with open(ROOT / "pyproject.toml", "rb") as f:
        assert lerend.__version__ == tomllib.load(f)["project"]["version"]
    assert f"## [{lerend.__version__}]" in (ROOT / "CHANGELOG.md").read_text()


@pytest.mark.django_db
def test_version_route_needs_no_key_and_openapi_names_the_release(client):
    response = client.get("/api/v1/version")
    assert response.status_code == 200
    assert response.json() == {"version": lerend.__version__, "api": "v1"}
    assert client.get("/api/v1/openapi.json").json()["info"]["version"] == lerend.__version__


@pytest.mark.django_db
def test_footer_shows_the_version(client):
    page = client.get("/account/inloggen/")
    assert page.status_code == 200
    assert f"Versie {lerend.__version__}" in page.content.decode()
