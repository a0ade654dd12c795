from django.urls import path

from . import views, views_hours, views_links

app_name = "coaching"

urlpatterns = [
    path("", views.home, name="home"),
    path("begeleiding/", views.assignments, name="assignments"),
    path("begeleiding/nieuw/", views.assignment_create, name="assignment_create"),
    path(
        "begeleiding/<int:assignment_id>/beeindigen/",
        views.assignment_end,
        name="assignment_end",
    ),
    path(
        "begeleiding/<int:assignment_id>/gesprek/",
        views.session_create,
        name="session_create",
    ),
    path("gesprekken/<int:session_id>/", views.session_detail, name="session_detail"),
    path("gesprekken/<int:session_id>/bewerken/", views.session_edit, name="session_edit"),
    path("gesprekken/<int:session_id>/verwijderen/", views.session_delete, name="session_delete"),
    path("plannen/nieuw/", views.plan_create, name="plan_create"),
    path("plannen/<int:coaching_plan_id>/", views.plan_detail, name="plan_detail"),
    path("plannen/<int:coaching_plan_id>/bewerken/", views.plan_edit, name="plan_edit"),
    path("plannen/<int:coaching_plan_id>/doelen/", views.goal_create, name="goal_create"),
    path("plannen/<int:coaching_plan_id>/evaluatie/", views.plan_evaluate, name="plan_evaluate"),
    path("plannen/<int:coaching_plan_id>/delen/", views.plan_share, name="plan_share"),
    path("doelen/<int:coaching_goal_id>/bereikt/", views.goal_reached, name="goal_reached"),
    path("doelen/<int:coaching_goal_id>/naar-pop/", views_links.goal_to_pop, name="goal_to_pop"),
    path(
        "doelen/<int:coaching_goal_id>/naar-bord/",
        views_links.goal_to_action,
        name="goal_to_action",
    ),
    path("plannen/<int:coaching_plan_id>/bezoeken/", views_links.visit_link, name="visit_link"),
    path(
        "bezoeken/<int:coaching_visit_id>/loskoppelen/",
        views_links.visit_unlink,
        name="visit_unlink",
    ),
    path("uren/pd/", views_links.pd_hours, name="pd_hours"),
    path("delen/<int:coaching_share_id>/intrekken/", views.share_revoke, name="share_revoke"),
    path("norm/", views_hours.norm, name="norm"),
    path("norm/gegevens/", views_hours.norm_figures, name="norm_figures"),
    path("verdeling/", views_hours.division, name="division"),
    path("verdeling/nieuw/", views_hours.division_create, name="division_create"),
    path("uren/", views_hours.hours, name="hours"),
    path("dekking/", views_hours.coverage, name="coverage"),
    path("ggd/pdf/", views_hours.ggd_pdf, name="ggd_pdf"),
    path("ggd/xlsx/", views_hours.ggd_xlsx, name="ggd_xlsx"),
]
