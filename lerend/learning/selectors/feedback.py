"""Peer feedback: only the requester reads the answers; anonymous ones above two thresholds."""

from django.db.models import Count, Q
from django.http import Http404

from lerend.accounts.models import User
from lerend.organisations.models import Membership

from ..models import (
    FeedbackInvite,
    FeedbackRequest,
)

# Anonymous answers are shown only when at least this many colleagues were asked AND at least
# this many answered anonymously, and then all together in random order: with fewer, the
# requester could tell who wrote what by who they asked and who told them they answered.
MIN_ASKED_FOR_ANONYMOUS = 3


MIN_ANONYMOUS_ANSWERS = 3


def colleagues(access, user):
    """Active members of the organisation other than ``user``: whom one may ask."""
    return (
        User.objects.filter(
            pk__in=Membership.objects.active()
            .filter(organisation=access.organisation)
            .values("person_id"),
            is_active=True,
        )
        .exclude(pk=user.pk)
        .order_by("name", "id")
    )


def own_feedback_requests(access, user):
    return FeedbackRequest.objects.filter(
        organisation=access.organisation, requester=user
    ).annotate(
        asked=Count("invites", distinct=True),
        answered=Count("invites", filter=Q(invites__answered=True), distinct=True),
    )


def feedback_request_for_requester(access, user, feedback_request_id) -> FeedbackRequest:
    """Only the requester opens a request and its answers — leaders, coaches and the asked
    colleagues get 404."""
    found = own_feedback_requests(access, user).filter(pk=feedback_request_id).first()
    if found is None:
        raise Http404
    return found


def feedback_answers(feedback_request) -> dict:
    """What the requester sees: named answers with their author; anonymous answers only
    above both thresholds, then together in random order (never submission order)."""
    answers = feedback_request.answers.all()
    named = list(answers.filter(anonymous=False).select_related("author").order_by("id"))
    anonymous_count = answers.filter(anonymous=True).count()
    shown = (
        feedback_request.asked >= MIN_ASKED_FOR_ANONYMOUS
        and anonymous_count >= MIN_ANONYMOUS_ANSWERS
    )
    anonymous = (
        list(answers.filter(anonymous=True).order_by("?").values_list("text", flat=True))
        if shown
        else None
    )
    return {"named": named, "anonymous": anonymous, "anonymous_count": anonymous_count}


def pending_invites(access, user):
    """The invites addressed to ``user`` that they have not answered yet."""
    return FeedbackInvite.objects.filter(
        request__organisation=access.organisation, person=user, answered=False
    ).select_related("request__requester")


def invite_for_invitee(access, user, feedback_invite_id) -> FeedbackInvite:
    """The asked colleague opens their own invite only; for anyone else it does not exist."""
    invite = (
        FeedbackInvite.objects.filter(
            request__organisation=access.organisation, person=user, pk=feedback_invite_id
        )
        .select_related("request__requester")
        .first()
    )
    if invite is None:
        raise Http404
    return invite
