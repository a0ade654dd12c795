from django.urls import include, path

from lerend.api.api import api

org_patterns = [
    path("beheer/", include("lerend.organisations.urls")),
    path("model/", include("lerend.frameworks.urls")),
    path("scans/", include("lerend.scans.urls")),
    path("scans/export/", include("lerend.scans.export_urls")),
    path("verbeteren/", include("lerend.improvement.urls")),
    path("leren/", include("lerend.learning.urls")),
    path("samen/", include("lerend.collaboration.urls")),
    path("api-sleutels/", include("lerend.api.org_urls")),
]

urlpatterns = [
    path("", include("lerend.web.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("lerend.accounts.urls")),
    path("account/api-sleutels/", include("lerend.api.urls")),
    path("api/v1/", api.urls),
    path("uitnodiging/", include("lerend.organisations.invitations.public_urls")),
    path("vragenlijst/", include("lerend.scans.respond_urls")),
    # Public without log-in: a vision page for parents, and calendar feeds keyed by a secret.
    path("", include("lerend.improvement.public_urls")),
    path("", include("lerend.collaboration.public_urls")),
    path("o/<slug:org_slug>/", include(org_patterns)),
]
