from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .services import SESSION_2FA_OK, set_language, two_factor_required


class UserLanguageMiddleware:
    """A logged-in person's saved language wins over the browser's. It sits before
    LocaleMiddleware, which reads the cookie we set here, so a change shows on the next page.
    The footer switch (set_language) is remembered on the account, otherwise this
    middleware would switch the person back one page later."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        chosen = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen is not None:
            if request.path == reverse("set_language") and chosen.value in dict(settings.LANGUAGES):
                set_language(user=user, language=chosen.value)
            return response
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != user.language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
            )
        return response


class TwoFactorMiddleware:
    """Blocks every page except the two-step pages (and log-out, language, static files)
    until this session has passed two-step log-in, for people who have it switched on and
    for people whose organisation requires it (who are sent to enrolment)."""

    OPEN_PREFIXES = (
        "/static/",
        "/i18n/",
        "/healthz",
        "/uitnodiging/",
        "/vragenlijst/",
        "/account/sso/",
    )
    OPEN_VIEWS = ("two_factor", "recovery_codes", "login", "login_code", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def _is_open(self, path: str) -> bool:
        if path.startswith(self.OPEN_PREFIXES):
            return True
        return any(path == reverse(f"accounts:{name}") for name in self.OPEN_VIEWS)

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(SESSION_2FA_OK)
            and not self._is_open(request.path)
            and (user.has_two_factor or two_factor_required(user))
        ):
            url = reverse("accounts:two_factor")
            url += "?" + urlencode({"next": request.get_full_path()})
            if request.headers.get("HX-Request"):
                # htmx would swap the enrolment page into a fragment; ask for a full load.
                response = HttpResponse(status=204)
                response["HX-Redirect"] = url
                return response
            return redirect(url)
        return self.get_response(request)
