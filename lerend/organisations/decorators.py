from functools import wraps

from django.core.exceptions import PermissionDenied


def require(rule):
    """Give 403 unless ``rule(request.access)`` holds. The tenant middleware has already
    given 404 to anyone outside the organisation."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.access is None or not rule(request.access):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def org_member(view):
    """For pages any member may open; documents that the view is tenant-scoped."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.access is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
