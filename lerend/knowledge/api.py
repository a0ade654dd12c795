"""Search in the API: the same results as the search page, for the key's person — only what
they may see; titles and snippets as plain text (no HTML)."""

import html

from django.utils.html import strip_tags
from ninja import Query, Router, Schema
from pydantic import Field

from lerend.api.auth import tenant
from lerend.api.schemas import responses

from . import selectors

router = Router(tags=["knowledge"])


class SearchFilter(Schema):
    q: str = Field(..., min_length=1, max_length=200)
    kind: str = Field("", max_length=40, pattern=r"^[a-z_]*$")
    block: str = Field("", max_length=60, pattern=r"^[a-z-]*$")


class ResultOut(Schema):
    kind: str
    title: str
    snippet: str
    url: str
    building_blocks: list[str]


class SearchOut(Schema):
    query: str
    results: list[ResultOut]


@router.get(
    "/o/{org}/search",
    response=responses(SearchOut),
    summary="Search what you may see: knowledge, practices, goals, actions, themes, groups",
)
def search(request, org: str, filters: Query[SearchFilter]):
    access = tenant(request, org)
    results = selectors.search(access, filters.q, kind=filters.kind, block=filters.block)
    return {
        "query": filters.q,
        "results": [
            {
                "kind": r["entry"].kind,
                "title": r["entry"].title,
                "snippet": html.unescape(strip_tags(str(r["snippet"]))),
                "url": r["entry"].url,
                "building_blocks": r["entry"].block_keys,
            }
            for r in results
        ],
    }
