"""The API fixtures, so that scan tests can check the API surface next to the pages."""

from tests.api.conftest import api_get, make_key  # noqa: F401
