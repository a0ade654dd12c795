from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.entry_create, name="create"),
    path("zoeken/", views.search, name="search"),
    path("<int:knowledge_id>/", views.entry_detail, name="detail"),
    path("<int:knowledge_id>/bewerken/", views.entry_edit, name="edit"),
    path("<int:knowledge_id>/publiceren/", views.entry_publish, name="publish"),
    path("<int:knowledge_id>/klopt-nog/", views.entry_review, name="review"),
    path("<int:knowledge_id>/verwijderen/", views.entry_delete, name="delete"),
    path("wie-weet-wat/", views.directory, name="directory"),
    path("wie-weet-wat/mijn/", views.expertise_edit, name="expertise_edit"),
    path("wie-weet-wat/<int:expertise_id>/", views.expertise_detail, name="expertise"),
]
