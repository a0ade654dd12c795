from django.urls import include, path

from lerend.kit import contrib
from lerend.ops.health import HealthView
from lerend.web.api import api

# Each app mounts its own pages through its contrib.py (org_urls, public_urls).
org_patterns = [path(prefix, include(module)) for prefix, module in contrib.org_urls()]

urlpatterns = [
    path("", include("lerend.web.urls")),
    # For the proxy and the monitoring: no log-in, no personal data (docs/operations.md).
    path("health/", HealthView.as_view(), name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("lerend.accounts.urls")),
    path("api/v1/", api.urls),
    *(path(prefix, include(module)) for prefix, module in contrib.public_urls()),
    path("o/<slug:org_slug>/", include(org_patterns)),
]
