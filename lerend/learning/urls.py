from django.urls import path

from . import views, views_feedback, views_pd, views_plan, views_reflection

app_name = "learning"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("dagboek/nieuw/", views.entry_create, name="entry_create"),
    path("dagboek/<int:entry_id>/", views.entry_detail, name="entry_detail"),
    path("dagboek/<int:entry_id>/bewerken/", views.entry_edit, name="entry_edit"),
    path("dagboek/<int:entry_id>/verwijderen/", views.entry_delete, name="entry_delete"),
    path("dagboek/<int:entry_id>/delen/", views.entry_share, name="entry_share"),
    path("dagboek/<int:entry_id>/naar-pop/", views.entry_to_goal, name="entry_to_goal"),
    path("delen/<int:share_id>/intrekken/", views.share_revoke, name="share_revoke"),
    path("herinnering/", views.reminder, name="reminder"),
    path("overzicht/", views.team_overview, name="team_overview"),
    path("pop/", views_plan.plan_current, name="plan_current"),
    path("pop/<int:plan_id>/", views_plan.plan_detail, name="plan_detail"),
    path("pop/<int:plan_id>/delen/", views_plan.plan_share, name="plan_share"),
    path("pop/<int:plan_id>/doelen/nieuw/", views_plan.goal_create, name="goal_create"),
    path("pop/<int:plan_id>/bewijs/nieuw/", views_plan.evidence_create, name="evidence_create"),
    path("pop/<int:plan_id>/gesprekken/nieuw/", views_plan.review_create, name="review_create"),
    path("doelen/<int:plan_goal_id>/", views_plan.goal_edit, name="goal_edit"),
    path(
        "doelen/<int:plan_goal_id>/activiteiten/",
        views_plan.activity_create,
        name="activity_create",
    ),
    path(
        "activiteiten/<int:activity_id>/afvinken/",
        views_plan.activity_toggle,
        name="activity_toggle",
    ),
    path("bewijs/<int:evidence_id>/", views_plan.evidence_file, name="evidence_file"),
    path(
        "bewijs/<int:evidence_id>/verwijderen/",
        views_plan.evidence_delete,
        name="evidence_delete",
    ),
    path("gesprekken/<int:review_id>/", views_plan.review_detail, name="review_detail"),
    path(
        "gesprekken/<int:review_id>/bevestigen/",
        views_plan.review_confirm,
        name="review_confirm",
    ),
    # Professional development
    path("scholing/", views_pd.pd_catalogue, name="pd_catalogue"),
    path("scholing/nieuw/", views_pd.pd_create, name="pd_create"),
    path("scholing/budget/", views_pd.pd_budget, name="pd_budget"),
    path("scholing/<int:pd_activity_id>/", views_pd.pd_detail, name="pd_detail"),
    path("scholing/<int:pd_activity_id>/bewerken/", views_pd.pd_edit, name="pd_edit"),
    path("scholing/<int:pd_activity_id>/aanmelden/", views_pd.pd_register, name="pd_register"),
    path(
        "deelname/<int:participation_id>/",
        views_pd.participation_detail,
        name="participation_detail",
    ),
    path(
        "deelname/<int:participation_id>/aanwezig/",
        views_pd.participation_attended,
        name="participation_attended",
    ),
    path(
        "deelname/<int:participation_id>/toegepast/",
        views_pd.participation_applied,
        name="participation_applied",
    ),
    # Peer feedback
    path("feedback/", views_feedback.feedback_list, name="feedback_list"),
    path("feedback/vragen/", views_feedback.feedback_create, name="feedback_create"),
    path(
        "feedback/<int:feedback_request_id>/",
        views_feedback.feedback_detail,
        name="feedback_detail",
    ),
    path(
        "feedback/uitnodiging/<int:feedback_invite_id>/",
        views_feedback.feedback_answer,
        name="feedback_answer",
    ),
    # Team reflection
    path("teamreflectie/", views_reflection.reflection_list, name="reflection_list"),
    path("teamreflectie/nieuw/", views_reflection.reflection_create, name="reflection_create"),
    path(
        "teamreflectie/<int:reflection_id>/",
        views_reflection.reflection_detail,
        name="reflection_detail",
    ),
    path(
        "teamreflectie/<int:reflection_id>/bewerken/",
        views_reflection.reflection_edit,
        name="reflection_edit",
    ),
    path(
        "teamreflectie/<int:reflection_id>/actie/",
        views_reflection.reflection_action,
        name="reflection_action",
    ),
]
