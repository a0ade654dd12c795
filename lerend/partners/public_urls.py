"""Mounted at the site root: no log-in, no tenant — a partner contact answers the pulse
through a single-use link."""

from django.urls import path

from . import views

app_name = "partners_public"

urlpatterns = [
    path("partnerpuls/<str:token>/", views.pulse_answer, name="pulse_answer"),
]
