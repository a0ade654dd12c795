"""The reminders page: which recurring reminder mails a person receives. Reached without
logging in from the link in every reminder (a signed token of that person), or from the
profile. The one-click address takes a POST from the mail program (RFC 8058)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import reminders


def _person(token):
    person = reminders.person_for(token)
    if person is None:
        raise Http404
    return person


def _page(request, person, action):
    if request.method == "POST":
        receive = set(request.POST.getlist("receive"))
        reminders.choose(person=person, receive=receive)
        messages.success(request, _("Your reminder choices are saved."))
        return redirect(request.path)
    off = reminders.switched_off(person)
    choices = [(key, label, key not in off) for key, label in reminders.kinds().items()]
    return render(
        request,
        "accounts/reminders.html",
        {"person": person, "choices": choices, "action": action},
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    person = _person(token)
    return _page(request, person, request.path)


@login_required
@require_http_methods(["GET", "POST"])
def mine(request):
    return _page(request, request.user, request.path)


# The mail program posts without a CSRF token; the signed token is the authority, and the
# only thing it can do is switch one reminder off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def stop(request, token, kind):
    person = _person(token)
    if kind not in reminders.kinds():
        raise Http404
    if request.method == "POST":
        reminders.stop(person=person, kind=kind)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        messages.success(request, _("You no longer receive this reminder."))
        return redirect("reminders:manage", token)
    return render(
        request,
        "accounts/reminder_stop.html",
        {"person": person, "label": reminders.kinds()[kind], "token": token},
    )
