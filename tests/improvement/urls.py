"""The project's URLs plus the improvement app's public pages, as the lead mounts them."""

from django.urls import include, path

from lerend.urls import urlpatterns as project_patterns

urlpatterns = [
    *project_patterns,
    path("", include("lerend.improvement.public_urls")),
]
