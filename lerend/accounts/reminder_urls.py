from django.urls import path

from . import views_reminders as views

app_name = "reminders"

urlpatterns = [
    path("<str:token>/", views.manage, name="manage"),
    path("<str:token>/stop/<slug:kind>/", views.stop, name="stop"),
]
