from django.urls import path

from . import views, views_instruments

app_name = "scans"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("nieuw/", views.campaign_create, name="create"),
    path("<int:campaign_id>/", views.campaign_detail, name="detail"),
    path("<int:campaign_id>/starten/", views.campaign_launch, name="launch"),
    path("<int:campaign_id>/sluiten/", views.campaign_close, name="close"),
    path("<int:campaign_id>/herinneren/", views.campaign_remind, name="remind"),
    path("vragenlijsten/", views_instruments.instrument_list, name="instruments"),
    path(
        "vragenlijsten/<int:version_id>/kopie/",
        views_instruments.instrument_copy,
        name="instrument_copy",
    ),
    path(
        "vragenlijsten/eigen/<int:draft_id>/",
        views_instruments.instrument_edit,
        name="instrument_edit",
    ),
    path(
        "vragenlijsten/eigen/<int:draft_id>/publiceren/",
        views_instruments.instrument_publish,
        name="instrument_publish",
    ),
]
