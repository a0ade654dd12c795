from django.urls import path

from .views import chain, experiments, indicators, wellbeing

app_name = "monitoring"

urlpatterns = [
    path("", indicators.indicator_list, name="indicators"),
    path("indicatoren/nieuw/", indicators.indicator_create, name="indicator_create"),
    path("indicatoren/<int:indicator_id>/", indicators.indicator_detail, name="indicator"),
    path(
        "indicatoren/<int:indicator_id>/bewerken/",
        indicators.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "indicatoren/<int:indicator_id>/meting/",
        indicators.check_in_create,
        name="check_in_create",
    ),
    path("indicatoren/<int:indicator_id>/meet-nu/", indicators.measure_now, name="measure_now"),
    path("indicatoren/<int:indicator_id>/import/", indicators.group_import, name="import"),
    path("indicatoren/export.csv", indicators.export_csv, name="export_csv"),
    path("indicatoren/export.xlsx", indicators.export_xlsx, name="export_xlsx"),
    path("indicatoren/export.pdf", indicators.export_pdf, name="export_pdf"),
    path("instellingen/", indicators.settings_page, name="settings"),
    path("welbevinden/", wellbeing.wellbeing_home, name="wellbeing"),
    path("welbevinden/nieuw/", wellbeing.round_create, name="round_create"),
    path("welbevinden/export.csv", wellbeing.profiles_csv, name="profiles_csv"),
    path("welbevinden/export.xlsx", wellbeing.profiles_xlsx, name="profiles_xlsx"),
    path("welbevinden/export.pdf", wellbeing.profiles_pdf, name="profiles_pdf"),
    path("welbevinden/<int:round_id>/", wellbeing.round_detail, name="round"),
    path("welbevinden/<int:round_id>/score/", wellbeing.score_create, name="score_create"),
    path("welbevinden/<int:round_id>/reflectie/", wellbeing.round_reflect, name="round_reflect"),
    path("welbevinden/<int:round_id>/actie/", wellbeing.round_action, name="round_action"),
    path("welbevinden/<int:round_id>/afsluiten/", wellbeing.round_close, name="round_close"),
    path("welbevinden/groep/<int:team_id>/", wellbeing.group_trend, name="group_trend"),
    path("experimenten/", experiments.experiment_list, name="experiments"),
    path("experimenten/nieuw/", experiments.experiment_create, name="experiment_create"),
    path("experimenten/<int:experiment_id>/", experiments.experiment_detail, name="experiment"),
    path(
        "experimenten/<int:experiment_id>/bewerken/",
        experiments.experiment_edit,
        name="experiment_edit",
    ),
    path(
        "experimenten/<int:experiment_id>/starten/",
        experiments.experiment_start,
        name="experiment_start",
    ),
    path(
        "experimenten/<int:experiment_id>/afronden/",
        experiments.experiment_finish,
        name="experiment_finish",
    ),
    path("experimenten/<int:experiment_id>/stap/", experiments.step_create, name="step_create"),
    path("stappen/<int:step_id>/", experiments.step_toggle, name="step_toggle"),
    path("tijdlijn/", experiments.timeline, name="timeline"),
    path("keten/", chain.chain_index, name="chains"),
    path("keten/doel/<int:goal_id>/", chain.chain, name="chain"),
]
