"""Mount at the site root (``path("", include("lerend.collaboration.public_urls"))``): no
log-in, no tenant — a calendar app fetches the feed with only its secret."""

from django.urls import path

from . import public_views

app_name = "collaboration_public"

urlpatterns = [
    path("samenkalender/<str:token>.ics", public_views.meetings_feed, name="meetings_feed"),
]
