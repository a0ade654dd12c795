"""Permissions declared on the view.

``@require(rule)`` guards a page by who the person is here; ``@require(rule, obj=loader)``
also names the object the page is about. The declaration is kept on the view
(``view.rule``, ``view.loader``, ``view.redirects``), so ``tests/test_tenancy_matrix.py``
can predict, per persona, the status every page must give.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .access import Access

Loader = Callable[..., Any]


def any_member(access: Access, obj: object = None) -> bool:
    """Every member of the organisation; the tenant middleware has given 404 to the rest."""
    return True


def require(
    rule: Callable[..., bool],
    obj: Loader | None = None,
    *,
    redirects: bool | Callable[[HttpRequest], bool] = False,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Give 403 unless the person may.

    Without ``obj``: ``rule(request.access)`` decides, and the view gets its URL kwargs.
    With ``obj``: ``obj(request, **kwargs)`` fetches the object through the tenant — and
    raises Http404 when it is not there, or is a personal record this person may not know
    of — then ``rule(request.access, object)`` decides, and the view is called as
    ``view(request, object)``.

    ``redirects``: a GET of the page ends in a redirect by design (the matrix expects 302);
    a function of the request when that depends on the person's data.
    The tenant middleware has already given 404 to anyone outside the organisation.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            access = getattr(request, "access", None)
            if access is None:
                raise PermissionDenied
            if obj is None:
                if not rule(access):
                    raise PermissionDenied
                return view(request, *args, **kwargs)
            target = obj(request, **kwargs)
            if not rule(access, target):
                raise PermissionDenied
            return view(request, target)

        wrapper.rule = rule  # type: ignore[attr-defined]  # read by the tenancy matrix
        wrapper.loader = obj  # type: ignore[attr-defined]
        wrapper.redirects = redirects  # type: ignore[attr-defined]
        return wrapper

    return decorator


def org_member(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For pages any member may open, about no object of their own."""
    return require(any_member)(view)
