from django.urls import path

from . import views

app_name = "api_keys"

urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("<int:token_id>/intrekken/", views.revoke, name="revoke"),
]
