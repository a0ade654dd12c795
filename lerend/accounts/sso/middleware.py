from django.http import Http404

from lerend.organisations.models import Organisation

from .selectors import session_scope


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
        if slug is None:
            return None
        scope = session_scope(request)
        if scope is None:
            return None
        if not Organisation.objects.filter(slug=slug, pk__in=scope).exists():
            raise Http404("No such organisation")
        return None
