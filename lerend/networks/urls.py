from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.round_create, name="create"),
    path("<int:network_round_id>/", views.round_detail, name="detail"),
    path("<int:network_round_id>/openen/", views.round_launch, name="launch"),
    path("<int:network_round_id>/sluiten/", views.round_close, name="close"),
    path("<int:network_round_id>/invullen/", views.respond, name="respond"),
    path("<int:network_round_id>/invullen/zoeken/", views.respond_search, name="respond_search"),
]
