"""Log-in (with the second step), profile and own-data download. Two-factor enrolment and
password pages live in views_two_factor.py and urls.py."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from lerend.kit import contrib

from . import selectors, services, throttle
from .forms import CodeForm, LoginForm, ProfileForm
from .models import User
from .sso import selectors as sso_selectors
from .sso.forms import StartForm

# Only the id and the moment of the correct password are kept between the two steps.
PENDING_LOGIN = "accounts_pending_login"
PENDING_SECONDS = 300

# One message for a wrong password, an unknown address and an inactive account: the form
# must not tell anyone which addresses have an account.
WRONG_LOGIN = gettext_lazy(
    "This e-mail address and password do not match. Check both and try again."
)
TOO_MANY = gettext_lazy(
    "Too many attempts. For your safety, wait a few minutes before you try again."
)
WRONG_CODE = gettext_lazy("This code is not correct. Check your app and try again.")
USE_SSO = gettext_lazy(
    "Your organisation lets you log in with your organisation account, not with a password. "
    "Use the button below."
)


def safe_next(request, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


def complete_login(request, user, next_url: str, *, two_factor_ok: bool):
    services.start_password_session(request, user, two_factor_ok=two_factor_ok)
    return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


@sensitive_post_parameters("password")
@never_cache
def login_view(request):
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = LoginForm(request.POST or None)
    context = {"form": form, "next": next_url, "sso_form": StartForm()}
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if sso_selectors.password_refused(email) is not None:
            # No password is checked or counted: there is nothing to guess here.
            context.update(
                form=LoginForm(initial={"email": email}),
                sso_form=StartForm(initial={"email": email}),
                error=USE_SSO,
            )
            return render(request, "accounts/login.html", context)
        limits = throttle.login_limits(email, throttle.client_ip(request))
        # Reserved before the password is checked: parallel guesses cannot all slip
        # through before the first failure is counted.
        if not throttle.attempt(limits):
            context.update(form=LoginForm(initial={"email": email}), error=TOO_MANY)
            return render(request, "accounts/login.html", context, status=429)
        user = authenticate(request, username=email, password=form.cleaned_data["password"])
        if user is None:
            form.add_error(None, WRONG_LOGIN)  # the reservation stays: it was a failure
        else:
            throttle.succeeded(limits)
            if user.has_two_factor:
                request.session.cycle_key()
                request.session[PENDING_LOGIN] = {
                    "user_id": user.pk,
                    "at": int(time.time()),
                    "next": next_url,
                }
                return redirect("accounts:login_code")
            return complete_login(request, user, next_url, two_factor_ok=False)
    return render(request, "accounts/login.html", context)


def _pending_user(request):
    pending = request.session.get(PENDING_LOGIN)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, ""
    user = User.objects.filter(pk=pending["user_id"], is_active=True).first()
    return user, pending.get("next", "")


@sensitive_post_parameters("code")
@never_cache
def login_code(request):
    """Second step of log-in for people with two-step log-in switched on."""
    user, next_url = _pending_user(request)
    if user is None or not user.has_two_factor:
        request.session.pop(PENDING_LOGIN, None)
        messages.warning(request, _("Your log-in took too long. Please log in again."))
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        limits = throttle.code_limits(user.pk)
        if not throttle.attempt(limits):  # reserved before the code is checked
            context = {"form": CodeForm(), "error": TOO_MANY}
            return render(request, "accounts/login_code.html", context, status=429)
        if not form.is_valid():
            throttle.release(limits)  # no code was checked
        else:
            kind = services.verify_second_factor(user=user, code=form.cleaned_data["code"])
            if kind is not None:
                throttle.succeeded(limits)
                del request.session[PENDING_LOGIN]
                if kind == "recovery":
                    _warn_recovery_used(request, user)
                return complete_login(request, user, next_url, two_factor_ok=True)
            form.add_error("code", WRONG_CODE)
    return render(request, "accounts/login_code.html", {"form": form})


def _warn_recovery_used(request, user):
    left = selectors.unused_recovery_code_count(user)
    messages.warning(
        request,
        _(
            "You used a recovery code; %(left)d are left. Each code works only once: "
            "make new ones on your profile when you run low."
        )
        % {"left": left},
    )


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(
            user=user, name=form.cleaned_data["name"], language=form.cleaned_data["language"]
        )
        # Confirm in the language just chosen: that is the one the next page is in.
        with translation.override(user.language):
            messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    context = {
        "form": form,
        "memberships": selectors.my_memberships(user),
        "two_factor_required": services.two_factor_required(user),
        "recovery_left": selectors.unused_recovery_code_count(user) if user.has_two_factor else 0,
        "disable_form": CodeForm(),
        "widgets": contrib.profile_widgets(request),
    }
    return render(request, "accounts/profile.html", context)


@login_required
def export(request):
    response = JsonResponse(
        selectors.own_data(request.user), json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    response["Content-Disposition"] = 'attachment; filename="lerend-mijn-gegevens.json"'
    return response
