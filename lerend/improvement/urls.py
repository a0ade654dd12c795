from django.urls import path

from .views import advice, dashboard, development_themes, goals, team_board

app_name = "improvement"

urlpatterns = [
    path("", goals.overview, name="overview"),
    path("instellingen/", goals.settings, name="settings"),
    path("visie/", goals.vision_edit, name="vision_edit"),
    path("locatie/<int:location_id>/", goals.location_goals, name="location_goals"),
    path(
        "locatie/<int:location_id>/visie/", goals.location_vision_edit, name="location_vision_edit"
    ),
    path(
        "locatie/<int:location_id>/doelen/nieuw/",
        goals.location_goal_create,
        name="location_goal_create",
    ),
    path("doelen/nieuw/", goals.goal_create, name="goal_create"),
    path("doelen/<int:goal_id>/", goals.goal_detail, name="goal_detail"),
    path("doelen/<int:goal_id>/bewerken/", goals.goal_edit, name="goal_edit"),
    path("team/<int:team_id>/", goals.team_goals, name="team_goals"),
    path("team/<int:team_id>/visie/", goals.team_vision_edit, name="team_vision_edit"),
    path("team/<int:team_id>/doelen/nieuw/", goals.team_goal_create, name="team_goal_create"),
    path("team/<int:team_id>/bord/", team_board.board, name="board"),
    path("team/<int:team_id>/bord/sessie/", team_board.session_mode, name="session_mode"),
    path("team/<int:team_id>/bord/notities/", team_board.session_notes, name="session_notes"),
    path("team/<int:team_id>/bord/sessies/", team_board.sessions, name="sessions"),
    path("team/<int:team_id>/bord/item/", team_board.board_item_add, name="board_item_add"),
    path(
        "team/<int:team_id>/bord/item/afronden/",
        team_board.board_item_close,
        name="board_item_close",
    ),
    path("team/<int:team_id>/bord/planning/", team_board.schedule, name="schedule"),
    path(
        "team/<int:team_id>/bord/planning/nieuwe-link/",
        team_board.regenerate_feed,
        name="regenerate_feed",
    ),
    path("acties/nieuw/", team_board.action_create, name="action_create"),
    path("acties/<int:action_id>/bewerken/", team_board.action_edit, name="action_edit"),
    path("acties/<int:action_id>/verplaatsen/", team_board.action_move, name="action_move"),
    path("acties/<int:action_id>/gewerkt/", team_board.follow_up, name="follow_up"),
    path("themas/", development_themes.theme_list, name="themes"),
    path("themas/nieuw/", development_themes.theme_create, name="theme_create"),
    path("themas/<int:theme_id>/", development_themes.theme_detail, name="theme_detail"),
    path("themas/<int:theme_id>/steun/", development_themes.theme_support, name="theme_support"),
    path("themas/<int:theme_id>/besluit/", development_themes.theme_decide, name="theme_decide"),
    path(
        "themas/<int:theme_id>/project/",
        development_themes.theme_project_add,
        name="theme_project_add",
    ),
    path("regiegroep/", development_themes.steering_group, name="steering_group"),
    path(
        "regiegroep/<int:steering_member_id>/verwijderen/",
        development_themes.steering_group_remove,
        name="steering_group_remove",
    ),
    path("advies/", advice.advice_page, name="advice"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/export.csv", dashboard.export_csv, name="export_csv"),
    path("dashboard/export.xlsx", dashboard.export_xlsx, name="export_xlsx"),
    path("team/<int:team_id>/plan.pdf", dashboard.team_plan_pdf, name="team_plan_pdf"),
]
