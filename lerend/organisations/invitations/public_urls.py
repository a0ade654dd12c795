from django.urls import path

from . import public_views

app_name = "invitations"

urlpatterns = [
    path("<str:token>/", public_views.accept, name="accept"),
]
