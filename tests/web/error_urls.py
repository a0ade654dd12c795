"""The project's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import BadRequest
from django.http import HttpResponseGone
from django.urls import path
from django.views.decorators.http import require_POST

from lerend.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def boom(request):
    raise RuntimeError("on purpose")


def bad(request):
    raise BadRequest("on purpose")


def gone(request):
    return HttpResponseGone()


@require_POST
def post_only(request):
    raise AssertionError("never reached by GET")


urlpatterns = [
    path("test-fout/500/", boom),
    path("test-fout/410/", gone),
    path("test-fout/400/", bad),
    path("test-fout/405/", post_only),
    *urlpatterns,
]
