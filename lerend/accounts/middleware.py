from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

SESSION_2FA_OK = "lerend_2fa_ok"


class UserLanguageMiddleware:
    """A logged-in person's saved language wins over the browser's; it sits before
    LocaleMiddleware, which reads the cookie we set here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            current = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            if current != user.language:
                response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
        return response


class TwoFactorMiddleware:
    """Blocks every page except the two-factor pages until a person who must use two-factor
    log-in has passed it in this session."""

    ALLOWED_PREFIXES = ("/account/", "/uitnodiging/", "/static/", "/i18n/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(SESSION_2FA_OK)
            and not request.path.startswith(self.ALLOWED_PREFIXES)
        ):
            from .services import two_factor_required

            if two_factor_required(user):
                return redirect(reverse("accounts:two_factor") + "?next=" + request.path)
        translation.activate(translation.get_language())
        return self.get_response(request)
