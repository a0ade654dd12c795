"""Peer feedback: asking colleagues and answering, named or anonymously."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import selectors
from ..models import (
    FeedbackAnswer,
    FeedbackInvite,
    FeedbackRequest,
)
from ..tasks import mail_feedback_invites


@transaction.atomic
def create_feedback_request(
    *, access, requester, question, people, allow_anonymous=True
) -> FeedbackRequest:
    """Asks ``people`` (colleagues in the organisation) one question. Side effects: the
    request, one FeedbackInvite per person (they see it as a task on their home page), and
    after commit the task ``mail_feedback_invites`` that mails each of them a link."""
    people = list({p.pk: p for p in people}.values())
    if not people:
        raise ValidationError({"people": _("Choose at least one colleague.")})
    allowed = set(selectors.colleagues(access, requester).values_list("pk", flat=True))
    if any(p.pk not in allowed for p in people):
        raise ValidationError({"people": _("You can ask only colleagues in your organisation.")})
    if not question.strip():
        raise ValidationError({"question": _("Write your question.")})
    feedback_request = FeedbackRequest.objects.create(
        organisation=access.organisation,
        requester=requester,
        question=question.strip(),
        allow_anonymous=allow_anonymous,
    )
    FeedbackInvite.objects.bulk_create(
        FeedbackInvite(request=feedback_request, person=p) for p in people
    )
    request_id = feedback_request.pk
    transaction.on_commit(lambda: mail_feedback_invites.enqueue(feedback_request_id=request_id))
    return feedback_request


@transaction.atomic
def answer_feedback(*, invite, text, anonymous) -> FeedbackAnswer:
    """Answers an invite once. The invite only becomes ``answered``; the answer is a
    separate row that, when anonymous, holds neither the person nor the invite nor a time —
    so nothing, not even the database, ties an anonymous answer to its writer.
    The conditional update makes a double submit store one answer."""
    if not text.strip():
        raise ValidationError({"text": _("Write your answer.")})
    feedback_request = invite.request
    if anonymous and not feedback_request.allow_anonymous:
        raise ValidationError(_("This question asks for answers by name."))
    if not FeedbackInvite.objects.filter(pk=invite.pk, answered=False).update(answered=True):
        raise ValidationError(_("You have already answered this question."))
    invite.answered = True
    return FeedbackAnswer.objects.create(
        request=feedback_request,
        text=text.strip(),
        anonymous=bool(anonymous),
        author=None if anonymous else invite.person,
    )
