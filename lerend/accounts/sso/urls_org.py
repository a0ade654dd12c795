from django.urls import path

from . import views_org

app_name = "sso_admin"

urlpatterns = [
    path("", views_org.connection_settings, name="settings"),
    path("verwijderen/", views_org.connection_delete, name="delete"),
]
