"""Mount at the site root (``path("", include("lerend.improvement.public_urls"))``):
no log-in, no tenant."""

from django.urls import path

from . import public_views

app_name = "improvement_public"

urlpatterns = [
    path("visie/<slug:organisation>/", public_views.public_vision, name="public_vision"),
    path("bordkalender/<str:token>.ics", public_views.board_feed, name="board_feed"),
]
