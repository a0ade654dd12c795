"""Accepting an invitation: reached by people who are not logged in yet."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lerend.accounts import services as accounts
from lerend.accounts.sso import selectors as sso_selectors

from ..forms import AcceptNewPersonForm
from . import services

STATUS = {"unknown": 404, "expired": 410, "used": 410, "revoked": 410, "account_exists": 409}


def _unavailable(request, reason):
    return render(
        request,
        "organisations/invitation_unavailable.html",
        {"reason": reason},
        status=STATUS.get(reason, 410),
    )


@never_cache
def accept(request, token):
    invitation = services.find_invitation(token)
    state = services.invitation_state(invitation)
    if state != "ok":
        return _unavailable(request, state)
    account = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if account is not None and account.has_usable_password():
        return _accept_existing(request, token, invitation, account)
    return _accept_new(request, token, invitation)


def _accept_existing(request, token, invitation, account):
    context = {"invitation": invitation}
    if not request.user.is_authenticated:
        context["login_url"] = reverse("accounts:login") + "?" + urlencode({"next": request.path})
        return render(request, "organisations/invitation_login.html", context)
    if request.user.pk != account.pk:
        return render(request, "organisations/invitation_wrong_account.html", context)
    if request.method == "POST":
        try:
            services.accept_invitation(token=token, user=request.user)
        except services.InvitationUnavailable as error:
            return _unavailable(request, error.reason)
        return redirect("web:org_home", invitation.organisation.slug)
    return render(request, "organisations/invitation_confirm.html", context)


def _accept_new(request, token, invitation):
    form = AcceptNewPersonForm(
        request.POST or None, email=invitation.email, initial={"name": invitation.name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            person, _invitation = services.accept_invitation(
                token=token, name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
            )
        except services.InvitationUnavailable as error:
            return _unavailable(request, error.reason)
        accounts.start_password_session(request, person)
        home = reverse("web:org_home", args=[invitation.organisation.slug])
        if not sso_selectors.may_open(request, invitation.organisation_id):
            # The organisation requires its own sign-in: the new password does not open it.
            messages.info(request, _("Welcome! Log in with your organisation's account."))
            return redirect(reverse("accounts:login") + "?" + urlencode({"next": home}))
        return redirect(home)
    context = {"invitation": invitation, "form": form}
    return render(request, "organisations/invitation_new.html", context)
