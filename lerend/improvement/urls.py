from django.urls import path

from . import views, views_board, views_insight, views_themes

app_name = "improvement"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("instellingen/", views.settings, name="settings"),
    path("visie/", views.vision_edit, name="vision_edit"),
    path("locatie/<int:location_id>/", views.location_goals, name="location_goals"),
    path(
        "locatie/<int:location_id>/visie/", views.location_vision_edit, name="location_vision_edit"
    ),
    path(
        "locatie/<int:location_id>/doelen/nieuw/",
        views.location_goal_create,
        name="location_goal_create",
    ),
    path("doelen/nieuw/", views.goal_create, name="goal_create"),
    path("doelen/<int:goal_id>/", views.goal_detail, name="goal_detail"),
    path("doelen/<int:goal_id>/bewerken/", views.goal_edit, name="goal_edit"),
    path("team/<int:team_id>/", views.team_goals, name="team_goals"),
    path("team/<int:team_id>/visie/", views.team_vision_edit, name="team_vision_edit"),
    path("team/<int:team_id>/doelen/nieuw/", views.team_goal_create, name="team_goal_create"),
    path("team/<int:team_id>/bord/", views_board.board, name="board"),
    path("team/<int:team_id>/bord/sessie/", views_board.session_mode, name="session_mode"),
    path("team/<int:team_id>/bord/notities/", views_board.session_notes, name="session_notes"),
    path("team/<int:team_id>/bord/sessies/", views_board.sessions, name="sessions"),
    path("team/<int:team_id>/bord/item/", views_board.board_item_add, name="board_item_add"),
    path(
        "team/<int:team_id>/bord/item/afronden/",
        views_board.board_item_close,
        name="board_item_close",
    ),
    path("team/<int:team_id>/bord/planning/", views_board.schedule, name="schedule"),
    path(
        "team/<int:team_id>/bord/planning/nieuwe-link/",
        views_board.regenerate_feed,
        name="regenerate_feed",
    ),
    path("acties/nieuw/", views_board.action_create, name="action_create"),
    path("acties/<int:action_id>/bewerken/", views_board.action_edit, name="action_edit"),
    path("acties/<int:action_id>/verplaatsen/", views_board.action_move, name="action_move"),
    path("acties/<int:action_id>/gewerkt/", views_board.follow_up, name="follow_up"),
    path("themas/", views_themes.theme_list, name="themes"),
    path("themas/nieuw/", views_themes.theme_create, name="theme_create"),
    path("themas/<int:theme_id>/", views_themes.theme_detail, name="theme_detail"),
    path("themas/<int:theme_id>/steun/", views_themes.theme_support, name="theme_support"),
    path("themas/<int:theme_id>/besluit/", views_themes.theme_decide, name="theme_decide"),
    path(
        "themas/<int:theme_id>/project/", views_themes.theme_project_add, name="theme_project_add"
    ),
    path("regiegroep/", views_themes.steering_group, name="steering_group"),
    path(
        "regiegroep/<int:steering_member_id>/verwijderen/",
        views_themes.steering_group_remove,
        name="steering_group_remove",
    ),
    path("advies/", views_insight.advice_page, name="advice"),
    path("dashboard/", views_insight.dashboard, name="dashboard"),
    path("dashboard/export.csv", views_insight.export_csv, name="export_csv"),
    path("dashboard/export.xlsx", views_insight.export_xlsx, name="export_xlsx"),
    path("team/<int:team_id>/plan.pdf", views_insight.team_plan_pdf, name="team_plan_pdf"),
]
