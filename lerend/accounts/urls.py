from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views, views_password, views_reminders, views_two_factor

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("inloggen/code/", views.login_code, name="login_code"),
    path("sso/", include("lerend.accounts.sso.urls")),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("profiel/", views.profile, name="profile"),
    path("profiel/mijn-gegevens.json", views.export, name="export"),
    path("profiel/herinneringen/", views_reminders.mine, name="reminders"),
    path("tweestaps/", views_two_factor.two_factor, name="two_factor"),
    path("tweestaps/herstelcodes/", views_two_factor.recovery_codes, name="recovery_codes"),
    path(
        "tweestaps/herstelcodes/nieuw/",
        views_two_factor.regenerate_recovery_codes,
        name="regenerate_recovery_codes",
    ),
    path("tweestaps/uitzetten/", views_two_factor.disable, name="two_factor_disable"),
    path("wachtwoord/", views_password.PasswordChangeView.as_view(), name="password_change"),
    path(
        "wachtwoord-vergeten/",
        views_password.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        views_password.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "herstel/<uidb64>/<token>/",
        views_password.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "herstel/klaar/",
        views_password.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
