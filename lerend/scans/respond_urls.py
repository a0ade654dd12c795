from django.urls import path

from . import views_respond as views

app_name = "respond"

urlpatterns = [
    path("", views.enter_code, name="code"),
    path("bedankt/", views.thanks, name="thanks"),
    path("code/<str:code>/", views.code_start, name="code_start"),
    path("<str:token>/", views.start, name="start"),
    path("<str:token>/taal/", views.language, name="language"),
    path("<str:token>/controleren/", views.review, name="review"),
    path("<str:token>/<int:number>/", views.page, name="page"),
]
