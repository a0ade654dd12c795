"""Mounted at the site root: no log-in, no tenant (the division is for parents too)."""

from django.urls import path

from . import public_views

app_name = "coaching_public"

urlpatterns = [
    path("coachuren/<slug:organisation>/", public_views.public_division, name="public_division"),
]
