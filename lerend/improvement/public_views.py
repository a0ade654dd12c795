"""Pages without log-in: the public vision page for parents and the calendar feed.
Both live outside /o/<org_slug>/ because the tenant middleware sends anonymous visitors to
the log-in there."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lerend.organisations.models import Organisation

from . import ical, selectors


@require_GET
def public_vision(request, organisation):
    org = Organisation.objects.filter(slug=organisation).first()
    version = selectors.public_vision(org) if org else None
    if version is None:
        raise Http404
    return render(
        request, "improvement/public_vision.html", {"organisation": org, "version": version}
    )


@require_GET
def board_feed(request, token):
    board = selectors.board_by_token(token)
    if board is None:
        raise Http404
    body = ical.board_calendar(
        board, summary=_("Board session %(team)s") % {"team": board.team.name}
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="bordsessie.ics"'
    response["Cache-Control"] = "private, max-age=3600"
    return response
