from django.urls import path

from . import views, views_people, views_picker, views_privacy
from .invitations import views as invitations

app_name = "organisations"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("locaties/", views.locations, name="locations"),
    path("locaties/nieuw/", views.location_form, name="location_create"),
    path("locaties/<int:location_id>/", views.location_form, name="location_edit"),
    path("locaties/<int:location_id>/verwijderen/", views.location_delete, name="location_delete"),
    path("teams/", views.teams, name="teams"),
    path("teams/nieuw/", views.team_form, name="team_create"),
    path("teams/<int:team_id>/", views.team_form, name="team_edit"),
    path("teams/<int:team_id>/verwijderen/", views.team_delete, name="team_delete"),
    path("teams/zoeken/", views_picker.team_search, name="team_search"),
    path("mensen/", views_people.people, name="people"),
    path("mensen/zoeken/", views_picker.people_search, name="people_search"),
    path("mensen/export.csv", views_people.people_export_csv, name="people_export_csv"),
    path("mensen/export.xlsx", views_people.people_export_xlsx, name="people_export_xlsx"),
    path("mensen/<int:person_id>/", views_people.person, name="person"),
    path(
        "mensen/<int:person_id>/rol-toevoegen/",
        views_people.membership_create,
        name="membership_create",
    ),
    path(
        "mensen/<int:person_id>/deactiveren/",
        views_people.person_deactivate,
        name="person_deactivate",
    ),
    path(
        "mensen/<int:person_id>/heractiveren/",
        views_people.person_reactivate,
        name="person_reactivate",
    ),
    path("rollen/<int:membership_id>/", views_people.membership_edit, name="membership_edit"),
    path(
        "rollen/<int:membership_id>/beeindigen/",
        views_people.membership_end,
        name="membership_end",
    ),
    path("instellingen/", views.settings_view, name="settings"),
    path("logboek/", views.audit_log, name="audit_log"),
    path("privacy/", views_privacy.overview, name="privacy"),
    path("privacy/wissen/<int:person_id>/", views_privacy.erase, name="privacy_erase"),
    path("privacy/verzoek/", views_privacy.request_erasure, name="privacy_request"),
    path("privacy/bewaartermijnen/", views_privacy.retention, name="retention"),
    path("privacy/verwerkingsregister/", views_privacy.register, name="register"),
    path("uitnodigingen/", invitations.invitations, name="invitations"),
    path("uitnodigingen/nieuw/", invitations.invite, name="invite"),
    path(
        "uitnodigingen/<int:invitation_id>/intrekken/",
        invitations.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "uitnodigingen/<int:invitation_id>/opnieuw/",
        invitations.invitation_resend,
        name="invitation_resend",
    ),
    path("importeren/", invitations.import_upload, name="import_upload"),
    path("importeren/controleren/", invitations.import_preview, name="import_preview"),
]
