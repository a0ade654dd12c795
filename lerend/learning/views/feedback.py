"""Peer feedback: ask colleagues, answer an invite, read your answers. Every URL is
either the requester's or the invitee's; for everyone else — leaders included — 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerend.kit.forms import apply_errors
from lerend.organisations import picker
from lerend.organisations.decorators import any_member, org_member, require

from .. import selectors, services
from ..forms.feedback import FeedbackAnswerForm, FeedbackRequestForm

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _feedback_request_for_requester(request, feedback_request_id):
    return selectors.feedback_request_for_requester(
        request.access, request.user, feedback_request_id
    )


def _invite_for_invitee(request, feedback_invite_id):
    return selectors.invite_for_invitee(request.access, request.user, feedback_invite_id)


@org_member
def feedback_list(request):
    access, user = request.access, request.user
    context = {
        "requests": list(selectors.own_feedback_requests(access, user)),
        "invites": list(selectors.pending_invites(access, user)),
    }
    return render(request, "learning/feedback_list.html", context)


@org_member
def feedback_create(request):
    access, user = request.access, request.user
    form = FeedbackRequestForm(
        request.POST or None,
        people=picker.scope(request, "learning.colleagues"),
        initial={"allow_anonymous": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            feedback_request = services.create_feedback_request(
                access=access, requester=user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your question has been sent."))
            return redirect(
                "learning:feedback_detail", request.organisation.slug, feedback_request.pk
            )
    return render(request, "learning/feedback_form.html", {"form": form})


@require(any_member, obj=_feedback_request_for_requester)
def feedback_detail(request, feedback_request):
    context = {
        "feedback_request": feedback_request,
        "minimum_asked": selectors.MIN_ASKED_FOR_ANONYMOUS,
        "minimum_answers": selectors.MIN_ANONYMOUS_ANSWERS,
        **selectors.feedback_answers(feedback_request),
    }
    return render(request, "learning/feedback_detail.html", context)


@require(any_member, obj=_invite_for_invitee)
def feedback_answer(request, invite):
    feedback_request = invite.request
    form = FeedbackAnswerForm(
        request.POST or None, allow_anonymous=feedback_request.allow_anonymous
    )
    if request.method == "POST" and not invite.answered and form.is_valid():
        try:
            services.answer_feedback(
                invite=invite,
                text=form.cleaned_data["text"],
                anonymous=form.cleaned_data.get("anonymous", False),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("learning:feedback_list", request.organisation.slug)
    context = {"invite": invite, "feedback_request": feedback_request, "form": form}
    return render(request, "learning/feedback_answer.html", context)
