from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.partner_create, name="create"),
    path("<int:partner_id>/", views.partner_detail, name="detail"),
    path("<int:partner_id>/bewerken/", views.partner_edit, name="edit"),
    path("<int:partner_id>/contact/", views.contact_create, name="contact_create"),
    path("contact/<int:contact_id>/verwijderen/", views.contact_delete, name="contact_delete"),
    path("<int:partner_id>/afspraak/", views.agreement_create, name="agreement_create"),
    path(
        "afspraak/<int:agreement_id>/klopt-nog/",
        views.agreement_reviewed,
        name="agreement_reviewed",
    ),
    path("<int:partner_id>/activiteit/", views.activity_create, name="activity_create"),
    path("puls/nieuw/", views.pulse_create, name="pulse_create"),
    path("puls/<int:pulse_id>/", views.pulse_detail, name="pulse"),
]
