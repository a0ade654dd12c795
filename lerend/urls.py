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

# Error pages in Lerend's layout and the person's language (lerend/web/errors.py).
handler400 = "lerend.web.errors.bad_request"
handler403 = "lerend.web.errors.permission_denied"
handler404 = "lerend.web.errors.page_not_found"
handler500 = "lerend.web.errors.server_error"
