from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from .access import resolve_access
from .models import Organisation


class TenantMiddleware:
    """Resolves ``/o/<org_slug>/...`` to ``request.organisation`` and ``request.access``.

    An organisation the person has no active membership in is indistinguishable from one
    that does not exist: both give 404. Views under /o/ never see the slug; they use
    ``request.organisation`` (the kwarg is removed so that no view can forget the check).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.organisation = None
        request.access = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("org_slug", None)
        if slug is None:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        organisation = Organisation.objects.filter(slug=slug).first()
        access = resolve_access(request.user, organisation) if organisation else None
        if access is None:
            raise Http404("No such organisation")
        request.organisation = organisation
        request.access = access
        return None
