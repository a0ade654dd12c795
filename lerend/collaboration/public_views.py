from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lerend.organisations.models import Membership

from . import ical, selectors


@require_GET
def meetings_feed(request, token):
    feed = selectors.feed_by_token(token)
    # A person who left the organisation keeps no window into its meetings.
    if (
        feed is None
        or not Membership.objects.active()
        .filter(organisation=feed.organisation, person=feed.person)
        .exists()
    ):
        raise Http404
    body = ical.meetings_calendar(
        selectors.meetings_for_feed(feed),
        name=_("Learning groups · %(organisation)s") % {"organisation": feed.organisation.name},
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="leergroepen.ics"'
    response["Cache-Control"] = "private, max-age=3600"
    return response
