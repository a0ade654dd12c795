from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("", views.start, name="start"),
    path("oidc/terug/", views.oidc_callback, name="oidc_callback"),
    path("saml/metadata/", views.saml_metadata, name="saml_metadata"),
    path("saml/acs/", views.saml_acs, name="saml_acs"),
    path("saml/klaar/", views.saml_finish, name="saml_finish"),
]
