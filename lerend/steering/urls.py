from django.urls import path

from . import views

app_name = "steering"

urlpatterns = [
    path("", views.organisation, name="organisation"),
    path("rapport.pdf", views.organisation_report_pdf, name="organisation_report_pdf"),
    path("rapport.xlsx", views.organisation_report_xlsx, name="organisation_report_xlsx"),
    path("locatie/<int:location_id>/", views.location, name="location"),
    path(
        "locatie/<int:location_id>/rapport.pdf",
        views.location_report_pdf,
        name="location_report_pdf",
    ),
    path(
        "locatie/<int:location_id>/rapport.xlsx",
        views.location_report_xlsx,
        name="location_report_xlsx",
    ),
    path("team/<int:team_id>/", views.team, name="team"),
    path("team/<int:team_id>/rapport.pdf", views.team_report_pdf, name="team_report_pdf"),
    path("team/<int:team_id>/rapport.xlsx", views.team_report_xlsx, name="team_report_xlsx"),
]
