from django.urls import path

from . import views_exports as views

app_name = "scan_exports"

urlpatterns = [
    path("<int:campaign_id>/", views.export_index, name="index"),
    path("<int:campaign_id>/antwoorden.csv", views.export_raw_csv, name="raw_csv"),
    path("<int:campaign_id>/resultaten.csv", views.export_results_csv, name="results_csv"),
    path("<int:campaign_id>/resultaten.xlsx", views.export_results_xlsx, name="results_xlsx"),
]
