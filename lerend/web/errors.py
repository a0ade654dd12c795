"""Error pages in Lerend's own layout, in the person's language, each saying what to do next:
Django's handlers for 400, 403, 404 and 500 (named in lerend/urls.py) and a middleware that
gives the bare responses of the project (405 from ``require_POST``/``require_http_methods``,
410, an empty 400 or 429) the same page. API and htmx answers are left as they are: their
callers read JSON or swap fragments."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

# status -> (title, what happened, what you can do next)
PAGES = {
    400: (
        _("This request was not understood"),
        _("Something in what your browser sent was incomplete or not as expected."),
        _(
            "Go back, reload the page and try again. If a link brought you here, it "
            "may have been cut off: copy the whole link."
        ),
    ),
    403: (
        _("You do not have access to this page"),
        _("Your role in this organisation does not allow this page or action."),
        _(
            "Go to your home page. If you think you need this page for your work, ask"
            " your organisation's administrator (beheerder) for the right role."
        ),
    ),
    404: (
        _("Page not found"),
        _("This page does not exist (any more), or it is not shared with you."),
        _(
            "Check the address, or go to your home page and find it from there. An "
            "old bookmark or link may point to something that was removed."
        ),
    ),
    405: (
        _("This does not open as a page"),
        _("This address belongs to a button or form, and cannot be opened directly."),
        _("Go back to the previous page and use the button there."),
    ),
    410: (
        _("This link is no longer valid"),
        _("The link has expired or has already been used."),
        _("Ask the person or organisation that sent it for a new link."),
    ),
    429: (
        _("Too many attempts"),
        _("To keep accounts safe, Lerend pauses after many attempts in a short time."),
        _("Wait a few minutes and try again."),
    ),
    500: (
        _("Something went wrong on our side"),
        _("Lerend could not finish this request. It has been logged; nothing you did caused it."),
        _(
            "Try again in a moment. If it keeps happening, tell your administrator "
            "(beheerder) what you were doing."
        ),
    ),
}


CSRF_WHAT = _("The form could not be accepted: its security check has expired.")
CSRF_NEXT = _(
    "Reload the page, fill in the form again and send it. If this keeps happening, "
    "allow cookies for this site."
)


def error_page(request: HttpRequest | None, status: int, what=None, next_step=None) -> HttpResponse:
    title, default_what, default_next = PAGES[status]
    what, next_step = what or default_what, next_step or default_next
    context = {"status": status, "title": title, "what": what, "next_step": next_step}
    if status == 500:
        # No request: the context processors may need the database that just failed.
        html = render_to_string("errors/error.html", context)
    else:
        html = render_to_string("errors/error.html", context, request=request)
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return error_page(request, 400)


def permission_denied(request, exception=None):
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (usually: the page was open too long, or
    cookies are blocked): the 403 page, with that explanation."""
    response = error_page(request, 403, what=CSRF_WHAT, next_step=CSRF_NEXT)
    return response


def server_error(request):
    return error_page(None, 500)


class ErrorPageMiddleware:
    """Gives an empty error response of a page request the branded page (same status and
    headers, e.g. ``Allow`` on a 405)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code in PAGES
            and not response.streaming
            and not response.content
            and not request.path.startswith("/api/")
            and not request.headers.get("HX-Request")
        ):
            page = error_page(request, response.status_code)
            for header, value in response.items():
                if header.lower() not in ("content-type", "content-length"):
                    page[header] = value
            return page
        return response
