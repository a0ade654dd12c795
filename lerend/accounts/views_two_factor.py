"""Two-step log-in for a logged-in person: enrolment, the check for a session that has not
passed it yet, recovery codes and switching it off."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import services, throttle
from .forms import CodeForm, EnrolForm
from .middleware import SESSION_2FA_OK
from .views import TOO_MANY, WRONG_CODE, safe_next

ENROL_SECRET = "accounts_enrol_secret"
SHOW_RECOVERY = "accounts_show_recovery"


def _qr_svg(uri: str, label: str) -> str:
    # segno writes plain SVG attributes (no style=), so it passes the strict CSP inline.
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, title=label, svgclass="qr-code", lineclass=None, omitsize=True
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 - our own SVG


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@sensitive_post_parameters("code")
@never_cache
@login_required
def two_factor(request):
    """Enrolment when two-step log-in is off; a code check when it is on but this session
    has not passed it (for example after accepting an invitation)."""
    user = request.user
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if user.has_two_factor:
        if request.session.get(SESSION_2FA_OK):
            return redirect(next_url or "accounts:profile")
        return _verify(request, user, next_url)
    return _enrol(request, user, next_url)


def _verify(request, user, next_url):
    form = CodeForm(request.POST or None)
    context = {"form": form, "next": next_url}
    if request.method == "POST":
        limits = throttle.code_limits(user.pk)
        if not throttle.attempt(limits):  # reserved before the code is checked
            context.update(form=CodeForm(), error=TOO_MANY)
            return render(request, "accounts/two_factor_verify.html", context, status=429)
        if not form.is_valid():
            throttle.release(limits)  # no code was checked
        else:
            if services.verify_second_factor(user=user, code=form.cleaned_data["code"]):
                throttle.succeeded(limits)
                request.session[SESSION_2FA_OK] = True
                return redirect(next_url or resolve_url("web:home"))
            form.add_error("code", WRONG_CODE)
    return render(request, "accounts/two_factor_verify.html", context)


def _enrol(request, user, next_url):
    # The new secret stays in the session until confirmed: a half-finished enrolment
    # never changes the account.
    secret = request.session.get(ENROL_SECRET)
    if not secret:
        secret = request.session[ENROL_SECRET] = services.new_totp_secret()
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        codes = services.confirm_two_factor(user=user, secret=secret, code=code)
        if codes is not None:
            del request.session[ENROL_SECRET]
            request.session[SESSION_2FA_OK] = True
            request.session[SHOW_RECOVERY] = codes
            messages.success(request, _("Two-step log-in is on."))
            url = resolve_url("accounts:recovery_codes")
            return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)
        form.add_error("code", WRONG_CODE)
    uri = services.provisioning_uri(user=user, secret=secret)
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": _qr_svg(uri, _("QR code to scan with your authenticator app")),
        "secret": _grouped(secret),
        "required": services.two_factor_required(user),
    }
    return render(request, "accounts/two_factor_enrol.html", context)


@never_cache
@login_required
def recovery_codes(request):
    """Shows freshly made recovery codes exactly once."""
    codes = request.session.pop(SHOW_RECOVERY, None)
    if not codes:
        return redirect("accounts:profile")
    next_url = safe_next(request, request.GET.get("next"))
    context = {"codes": codes, "next": next_url or resolve_url("accounts:profile")}
    return render(request, "accounts/recovery_codes.html", context)


@require_POST
@login_required
def regenerate_recovery_codes(request):
    if not request.user.has_two_factor:
        return redirect("accounts:profile")
    request.session[SHOW_RECOVERY] = services.regenerate_recovery_codes(user=request.user)
    return redirect("accounts:recovery_codes")


@sensitive_post_parameters("code")
@require_POST
@login_required
def disable(request):
    user = request.user
    form = CodeForm(request.POST)
    limits = throttle.code_limits(user.pk)
    if not throttle.attempt(limits):  # reserved before the code is checked
        messages.error(request, TOO_MANY)
        return redirect("accounts:profile")
    try:
        done = form.is_valid() and services.disable_two_factor(
            user=user, code=form.cleaned_data["code"]
        )
    except services.TwoFactorRequired:
        throttle.release(limits)  # refused before the code was checked
        messages.error(
            request, _("Your organisation requires two-step log-in for your role; it stays on.")
        )
        return redirect("accounts:profile")
    if done:
        throttle.succeeded(limits)
        request.session.pop(SESSION_2FA_OK, None)
        messages.success(request, _("Two-step log-in is off."))
    else:
        # A wrong or malformed code keeps its reservation, as it always counted here.
        messages.error(request, WRONG_CODE)
    return redirect("accounts:profile")
