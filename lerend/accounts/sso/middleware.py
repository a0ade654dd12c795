from django.http import Http404

from lerend.organisations.models import Organisation

# The organisations this session may open, as a list of ids; absent: all of the person's.
# Set at log-in: a sign-in through an organisation's identity provider opens only that
# organisation; a password log-in never opens one that requires its own sign-in.
SESSION_SCOPE = "lerend_org_scope"


class SessionScopeMiddleware:
    """404 for /o/<slug>/ outside the session's scope, before the tenant is resolved: to
    this session such an organisation does not exist. Sessions without a scope cost
    nothing; scoped ones one query per organisation page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("org_slug")
        if slug is None or not hasattr(request, "session"):
            return None
        scope = request.session.get(SESSION_SCOPE)
        if scope is None:
            return None
        if not Organisation.objects.filter(slug=slug, pk__in=scope).exists():
            raise Http404("No such organisation")
        return None
