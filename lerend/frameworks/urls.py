from django.urls import path

from . import views

app_name = "frameworks"

urlpatterns = [
    path("", views.explorer, name="explorer"),
    path("ontwikkelhuis/", views.house, name="house"),
    path("praktijken/", views.practices, name="practices"),
]
