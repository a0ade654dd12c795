from django.urls import path

from .views import feedback, journal, overview, pd, plan, reflection, reviews, sharing

app_name = "learning"

urlpatterns = [
    path("", overview.my_learning, name="my_learning"),
    path("dagboek/nieuw/", journal.entry_create, name="entry_create"),
    path("dagboek/<int:entry_id>/", journal.entry_detail, name="entry_detail"),
    path("dagboek/<int:entry_id>/bewerken/", journal.entry_edit, name="entry_edit"),
    path("dagboek/<int:entry_id>/verwijderen/", journal.entry_delete, name="entry_delete"),
    path("dagboek/<int:entry_id>/delen/", journal.entry_share, name="entry_share"),
    path("dagboek/<int:entry_id>/naar-pop/", journal.entry_to_goal, name="entry_to_goal"),
    path("delen/<int:share_id>/intrekken/", sharing.share_revoke, name="share_revoke"),
    path("herinnering/", journal.reminder, name="reminder"),
    path("overzicht/", overview.team_overview, name="team_overview"),
    path("pop/", plan.plan_current, name="plan_current"),
    path("pop/<int:plan_id>/", plan.plan_detail, name="plan_detail"),
    path("pop/<int:plan_id>/delen/", plan.plan_share, name="plan_share"),
    path("pop/<int:plan_id>/doelen/nieuw/", plan.goal_create, name="goal_create"),
    path("pop/<int:plan_id>/bewijs/nieuw/", plan.evidence_create, name="evidence_create"),
    path("pop/<int:plan_id>/gesprekken/nieuw/", reviews.review_create, name="review_create"),
    path("doelen/<int:plan_goal_id>/", plan.goal_edit, name="goal_edit"),
    path(
        "doelen/<int:plan_goal_id>/activiteiten/",
        plan.activity_create,
        name="activity_create",
    ),
    path(
        "activiteiten/<int:activity_id>/afvinken/",
        plan.activity_toggle,
        name="activity_toggle",
    ),
    path("bewijs/<int:evidence_id>/", plan.evidence_file, name="evidence_file"),
    path(
        "bewijs/<int:evidence_id>/verwijderen/",
        plan.evidence_delete,
        name="evidence_delete",
    ),
    path("gesprekken/<int:review_id>/", reviews.review_detail, name="review_detail"),
    path(
        "gesprekken/<int:review_id>/bevestigen/",
        reviews.review_confirm,
        name="review_confirm",
    ),
    # Professional development
    path("scholing/", pd.pd_catalogue, name="pd_catalogue"),
    path("scholing/nieuw/", pd.pd_create, name="pd_create"),
    path("scholing/budget/", pd.pd_budget, name="pd_budget"),
    path("scholing/<int:pd_activity_id>/", pd.pd_detail, name="pd_detail"),
    path("scholing/<int:pd_activity_id>/bewerken/", pd.pd_edit, name="pd_edit"),
    path("scholing/<int:pd_activity_id>/aanmelden/", pd.pd_register, name="pd_register"),
    path(
        "deelname/<int:participation_id>/",
        pd.participation_detail,
        name="participation_detail",
    ),
    path(
        "deelname/<int:participation_id>/aanwezig/",
        pd.participation_attended,
        name="participation_attended",
    ),
    path(
        "deelname/<int:participation_id>/toegepast/",
        pd.participation_applied,
        name="participation_applied",
    ),
    # Peer feedback
    path("feedback/", feedback.feedback_list, name="feedback_list"),
    path("feedback/vragen/", feedback.feedback_create, name="feedback_create"),
    path(
        "feedback/<int:feedback_request_id>/",
        feedback.feedback_detail,
        name="feedback_detail",
    ),
    path(
        "feedback/uitnodiging/<int:feedback_invite_id>/",
        feedback.feedback_answer,
        name="feedback_answer",
    ),
    # Team reflection
    path("teamreflectie/", reflection.reflection_list, name="reflection_list"),
    path("teamreflectie/nieuw/", reflection.reflection_create, name="reflection_create"),
    path(
        "teamreflectie/<int:reflection_id>/",
        reflection.reflection_detail,
        name="reflection_detail",
    ),
    path(
        "teamreflectie/<int:reflection_id>/bewerken/",
        reflection.reflection_edit,
        name="reflection_edit",
    ),
    path(
        "teamreflectie/<int:reflection_id>/actie/",
        reflection.reflection_action,
        name="reflection_action",
    ),
]
