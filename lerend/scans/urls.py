from django.urls import path

from . import views, views_instruments, views_results

app_name = "scans"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("nieuw/", views.campaign_create, name="create"),
    path("<int:campaign_id>/", views.campaign_detail, name="detail"),
    path("<int:campaign_id>/starten/", views.campaign_launch, name="launch"),
    path("<int:campaign_id>/sluiten/", views.campaign_close, name="close"),
    path("<int:campaign_id>/herinneren/", views.campaign_remind, name="remind"),
    path("<int:campaign_id>/brieven/<int:team_id>/", views.campaign_letters, name="letters"),
    path("<int:campaign_id>/opmerkingen/", views.comment_review, name="comment_review"),
    path("resultaten/", views_results.results_index, name="results"),
    path(
        "<int:campaign_id>/resultaten/",
        views_results.results_organisation,
        name="results_organisation",
    ),
    path(
        "<int:campaign_id>/resultaten/locatie/<int:location_id>/",
        views_results.results_location,
        name="results_location",
    ),
    path(
        "<int:campaign_id>/resultaten/team/<int:team_id>/",
        views_results.results_team,
        name="results_team",
    ),
    path(
        "<int:campaign_id>/resultaten/team/<int:team_id>/pdf/",
        views_results.results_team_pdf,
        name="results_team_pdf",
    ),
    path(
        "<int:campaign_id>/resultaten/heatmap/",
        views_results.results_heatmap,
        name="results_heatmap",
    ),
    path(
        "<int:campaign_id>/resultaten/opmerkingen/",
        views_results.results_comments,
        name="results_comments",
    ),
    path(
        "resultaten/<int:campaign_id>/itemanalyse/",
        views_results.results_item_analysis,
        name="results_item_analysis",
    ),
    path("vragenlijsten/", views_instruments.instrument_list, name="instruments"),
    path(
        "vragenlijsten/uploaden/",
        views_instruments.instrument_upload,
        name="instrument_upload",
    ),
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
