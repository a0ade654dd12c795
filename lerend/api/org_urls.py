from django.urls import path

from . import views

app_name = "api_org"

urlpatterns = [
    path("", views.organisation_tokens, name="tokens"),
    path("<int:token_id>/intrekken/", views.organisation_revoke, name="revoke"),
]
