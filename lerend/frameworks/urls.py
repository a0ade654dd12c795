from django.urls import path

from . import views

app_name = "frameworks"

urlpatterns = [
    path("", views.explorer, name="explorer"),
    path("bouwsteen/<slug:key>/", views.block_detail, name="block"),
    path("ontwikkelhuis/", views.house, name="house"),
    path("praktijken/", views.practices, name="practices"),
    path("praktijken/<slug:practice>/", views.practice_detail, name="practice"),
    path("modellen/", views.other_models, name="models"),
]
