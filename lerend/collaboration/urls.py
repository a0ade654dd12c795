from django.urls import path

from . import views_groups as g
from . import views_visits as v

app_name = "collaboration"

urlpatterns = [
    path("", g.index, name="index"),
    path("kalender/nieuwe-link/", g.feed_regenerate, name="feed_regenerate"),
    path("groepen/nieuw/", g.group_create, name="group_create"),
    path("groepen/<int:group_id>/", g.group_detail, name="group_detail"),
    path("groepen/<int:group_id>/bewerken/", g.group_edit, name="group_edit"),
    path("groepen/<int:group_id>/bijeenkomsten/nieuw/", g.meeting_create, name="meeting_create"),
    path("bijeenkomsten/<int:meeting_id>/", g.meeting_detail, name="meeting_detail"),
    path("bijeenkomsten/<int:meeting_id>/bewerken/", g.meeting_edit, name="meeting_edit"),
    path("bijeenkomsten/<int:meeting_id>/sessie/", g.session, name="session"),
    path("bijeenkomsten/<int:meeting_id>/actie/", g.meeting_action, name="meeting_action"),
    path("methoden/", g.methods, name="methods"),
    path("methoden/<slug:method_key>/", g.method_detail, name="method_detail"),
    path("kijkwijzers/<slug:rubric_key>/", v.rubric_detail, name="rubric_detail"),
    path("bezoeken/", v.visit_list, name="visit_list"),
    path("bezoeken/nieuw/", v.visit_create, name="visit_create"),
    path("bezoeken/<int:visit_id>/", v.visit_detail, name="visit_detail"),
    path("bezoeken/<int:visit_id>/bewerken/", v.visit_edit, name="visit_edit"),
    path("bezoeken/<int:visit_id>/observatie/", v.visit_observe, name="visit_observe"),
    path("bezoeken/<int:visit_id>/nagesprek/", v.visit_feedback, name="visit_feedback"),
    path("bezoeken/<int:visit_id>/visitatie/", v.visit_peer_review, name="visit_peer_review"),
    path("bezoeken/<int:visit_id>/delen/", v.visit_share, name="visit_share"),
    path("bezoeken/<int:visit_id>/verwijderen/", v.visit_delete, name="visit_delete"),
    path(
        "bezoek-delen/<int:visit_share_id>/intrekken/",
        v.visit_share_revoke,
        name="visit_share_revoke",
    ),
    path("lesontwerpen/nieuw/", v.design_create, name="design_create"),
    path("lesontwerpen/<int:design_id>/", v.design_detail, name="design_detail"),
    path("lesontwerpen/<int:design_id>/bewerken/", v.design_edit, name="design_edit"),
]
