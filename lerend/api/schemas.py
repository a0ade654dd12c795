"""Shapes shared by every router: the error body and the error statuses each route
documents (schemathesis holds every answer to what the schema says)."""

from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

# Row ids fit a signed 64-bit integer (SQLite and PostgreSQL bigint); a larger number would
# make the database driver fail instead of finding nothing, so it is a 422 here.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class ErrorOut(Schema):
    """``detail`` is a sentence, or for 422 the list of fields that were not valid."""

    detail: str | list[dict[str, Any]]


# 401 no or an unusable key; 403 the role does not cover it; 404 not in this organisation;
# 422 a parameter is not valid; 429 too many requests for this key.
ERRORS = dict.fromkeys((401, 403, 404, 422, 429), ErrorOut)


def responses(ok, *extra: int) -> dict:
    return {200: ok, **ERRORS, **dict.fromkeys(extra, ErrorOut)}


class Pages(LimitOffsetPagination):
    """Limit/offset with bounds on both: a limit of 1..500 and an offset a database can take
    (an unbounded offset overflows SQLite's 64-bit integers)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=10_000_000)
