"""Sign-in with the organisation's own account: start, the OpenID Connect callback, the
SAML assertion consumer and finish page, Lerend's SAML metadata."""

import logging
from datetime import timedelta

from django.contrib.auth import login as auth_login
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from ..forms import LoginForm
from ..middleware import SESSION_2FA_OK
from ..views import safe_next
from . import oidc, saml, selectors, services
from .forms import StartForm
from .models import SsoRequest
from .selectors import SESSION_SCOPE
from .services import Outcome

logger = logging.getLogger(__name__)

NO_CONNECTION = gettext_lazy(
    "There is no sign-in with an organisation account for this e-mail address. "
    "Log in with your password."
)
UNREACHABLE = gettext_lazy(
    "Your organisation's sign-in cannot be reached just now. Try again in a few minutes."
)
REFUSED = {
    Outcome.INVALID: gettext_lazy(
        "Your organisation's answer could not be checked, so you are not logged in. "
        "Please start again."
    ),
    Outcome.EXPIRED: gettext_lazy("Your log-in took too long. Please start again."),
    Outcome.USED: gettext_lazy(
        "This sign-in was already used or was not started here. Please start again."
    ),
    Outcome.UNVERIFIED: gettext_lazy(
        "Your organisation did not confirm your e-mail address, so you are not logged in."
    ),
    Outcome.DOMAIN: gettext_lazy(
        "This e-mail address does not belong to this organisation's sign-in."
    ),
    Outcome.UNKNOWN: gettext_lazy(
        "There is no account in Lerend for this e-mail address at your organisation. "
        "Ask your organisation's administrator to invite you."
    ),
    Outcome.NOT_MEMBER: gettext_lazy(
        "There is no account in Lerend for this e-mail address at your organisation. "
        "Ask your organisation's administrator to invite you."
    ),
    Outcome.OFF: gettext_lazy("Sign-in with the organisation account is switched off."),
    "cancelled": gettext_lazy("Signing in at your organisation was cancelled."),
}


def redirect_uri() -> str:
    return saml._site() + reverse("accounts:sso:oidc_callback")


def login_page(request, *, error="", status=200, email=""):
    """The log-in page with a message, both forms filled in where we know the address."""
    context = {
        "form": LoginForm(initial={"email": email}),
        "sso_form": StartForm(initial={"email": email}),
        "error": error,
        "next": "",
    }
    return render(request, "accounts/login.html", context, status=status)


def _refuse(request, outcome: str, *, email: str = ""):
    status = 503 if outcome == "unreachable" else 403
    return login_page(request, error=REFUSED.get(outcome, UNREACHABLE), status=status, email=email)


def _log_in(request, user, connection, next_url: str):
    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    # The identity provider is the organisation's second factor (docs/sso.md); the
    # session opens only this organisation.
    request.session[SESSION_2FA_OK] = True
    request.session[SESSION_SCOPE] = [connection.organisation_id]
    return redirect(next_url or resolve_url("web:org_home", connection.organisation.slug))


@require_POST
@never_cache
def start(request):
    """Send the person to their organisation's identity provider, found by the domain of
    the address they typed. The page that follows sends the browser on with a meta
    refresh: a redirect straight out of a form would break the policy form-action 'self'."""
    form = StartForm(request.POST)
    if not form.is_valid():
        return login_page(request, error=NO_CONNECTION, status=400)
    email = form.cleaned_data["email"]
    connection = selectors.connection_for_email(email)
    if connection is None:
        return login_page(request, error=NO_CONNECTION, email=email)
    next_url = safe_next(request, request.POST.get("next"))
    browser = services.browser_token(request.session)
    try:
        if connection.is_saml:
            request_id, url = saml.authn_request(connection)
            services.open_request(
                connection=connection, key=request_id, browser=browser, next_url=next_url
            )
        else:
            url, remember = oidc.authorization_url(connection, redirect_uri())
            services.open_request(
                connection=connection,
                key=remember["state"],
                browser=browser,
                next_url=next_url,
                nonce=remember["nonce"],
                code_verifier=remember["code_verifier"],
            )
    except oidc.ProviderError as error:
        logger.warning("SSO start for %s failed: %s", connection.organisation.slug, error)
        return login_page(request, error=UNREACHABLE, status=503, email=email)
    context = {"url": url, "organisation": connection.organisation}
    return render(request, "accounts/sso/redirect.html", context)


@require_GET
@never_cache
def oidc_callback(request):
    """The provider sends the browser back here with a code and our state."""
    sso_request, outcome = services.consume_request(key=request.GET.get("state", ""))
    if sso_request is None:
        return _refuse(request, outcome)
    if not services.same_browser(sso_request, request.session.get("sso_browser", "")):
        return _refuse(request, Outcome.USED)
    if outcome != Outcome.OK:
        return _refuse(request, outcome)
    if request.GET.get("error") or not request.GET.get("code"):
        return _refuse(request, "cancelled")
    connection = sso_request.connection
    try:
        identity = oidc.identity(
            connection,
            code=request.GET["code"],
            nonce=sso_request.nonce,
            code_verifier=sso_request.code_verifier,
            redirect_uri=redirect_uri(),
        )
    except oidc.ProviderError as error:
        logger.info("OIDC sign-in refused for %s: %s", connection.organisation.slug, error)
        return _refuse(request, Outcome.INVALID)
    user, outcome = services.sign_in(connection=connection, identity=identity)
    if user is None:
        return _refuse(request, outcome)
    return _log_in(request, user, connection, sso_request.next_url)


@csrf_exempt  # a cross-site POST from the identity provider; the signed response is the check
@require_POST
@never_cache
def saml_acs(request):
    """The assertion consumer. The browser arrives without its session cookie (SameSite),
    so the verdict is stored with the request and the finish page logs in."""
    request_id = request.POST.get("RelayState", "")
    waiting = SsoRequest.objects.filter(
        key=services._hash(request_id), consumed_at__isnull=True
    ).select_related("connection__organisation")
    sso_request = waiting.first()
    if sso_request is None or not sso_request.connection.is_saml:
        return _refuse(request, Outcome.USED)
    connection = sso_request.connection
    try:
        identity = saml.identity(
            connection, saml_response=request.POST.get("SAMLResponse", ""), request_id=request_id
        )
    except oidc.ProviderError:
        identity = None
    sso_request, outcome = services.consume_request(key=request_id)
    if sso_request is None:  # another request with the same answer came first
        return _refuse(request, outcome)
    user = None
    if outcome == Outcome.OK:
        if identity is None:
            outcome = Outcome.INVALID
        else:
            user, outcome = services.sign_in(connection=connection, identity=identity)
    services.store_outcome(sso_request=sso_request, outcome=outcome, user=user)
    return redirect(reverse("accounts:sso:saml_finish") + "?r=" + request_id)


@require_GET
@never_cache
def saml_finish(request):
    # The verdict waits a few minutes at most for its browser.
    recent = timezone.now() - timedelta(seconds=services.REQUEST_SECONDS)
    sso_request = (
        SsoRequest.objects.filter(
            key=services._hash(request.GET.get("r", "")), consumed_at__gt=recent
        )
        .select_related("connection__organisation", "user")
        .first()
    )
    if sso_request is None or not services.same_browser(
        sso_request, request.session.get("sso_browser", "")
    ):
        return _refuse(request, Outcome.USED)
    if not services.finish_request(sso_request=sso_request):
        return _refuse(request, Outcome.USED)
    if sso_request.outcome != Outcome.OK or sso_request.user is None:
        return _refuse(request, sso_request.outcome or Outcome.INVALID)
    return _log_in(request, sso_request.user, sso_request.connection, sso_request.next_url)


@require_GET
def saml_metadata(request):
    return HttpResponse(saml.sp_metadata(), content_type="application/samlmetadata+xml")
