from django.urls import include, path

from lerend.kit import contrib
from lerend.web.api import api

# Each app mounts its own pages through its contrib.py (org_urls, public_urls).
org_patterns = [path(prefix, include(module)) for prefix, module in contrib.org_urls()]

urlpatterns = [
    path("", include("lerend.web.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("lerend.accounts.urls")),
    path("api/v1/", api.urls),
    *(path(prefix, include(module)) for prefix, module in contrib.public_urls()),
    path("o/<slug:org_slug>/", include(org_patterns)),
]
