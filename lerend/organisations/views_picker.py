"""The people picker's one search endpoint (``organisations.picker``)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import picker, team_picker
from .decorators import org_member


def _search(request, kind: str) -> HttpResponse:
    token = request.GET.get("scope", "")
    field_id = request.GET.get("field", "picker")[:80]
    query = request.GET.get("q", "").strip()[:100]
    try:
        page = max(1, min(int(request.GET.get("page", "1")), 1000))
    except ValueError:
        page = 1
    found, more = [], False
    if token and kind == "teams":
        found, more = team_picker.page_of(team_picker.scope_from_token(request, token), query, page)
    elif token:
        found, more = picker.page_of(picker.scope_from_token(request, token), query, page)
    return render(
        request,
        "organisations/picker/results.html",
        {
            "kind": kind,
            "found": found,
            "more": more,
            "next_page": page + 1,
            "page": page,
            "query": query,
            "field_id": "".join(c for c in field_id if c.isalnum() or c in "_-"),
            "has_scope": bool(token),
        },
    )


@require_GET
@org_member
def team_search(request) -> HttpResponse:
    """One page of teams in the form's team scope whose name or location name matches ``q``,
    the viewer's own teams first, each with its location (``organisations.team_picker``).
    Without a token: none; another person's, organisation's or a tampered token: 404. One
    query for the page, however many teams there are."""
    return _search(request, "teams")


@require_GET
@org_member
def people_search(request) -> HttpResponse:
    """One page of people in the form's scope that match ``q``, as listbox options (the
    picker's script puts them under its search box). Without a scope token: no one. A token
    of another person, organisation or a tampered one: 404. Query count is the same however
    many people there are: the scope and page are one query."""
    return _search(request, "people")
