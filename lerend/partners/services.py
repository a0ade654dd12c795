"""Every write of partners: keyword-only, atomic, audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.background import services as outbox
from lerend.background.services import Mail
from lerend.kit.site import absolute
from lerend.kit.tokens import hash_token, new_token
from lerend.organisations.services import record

from .models import Activity, Agreement, Contact, Partner, Pulse, PulseAnswer, PulseLink, Side
from .pulse import ITEMS

# The outbox group of partners' mails (docs/operations-tasks.md).
MAIL_GROUP = "partners"


def _save(instance, *, organisation, actor, action):
    instance.full_clean()
    instance.save()
    record(organisation=organisation, actor=actor, action=action, target=instance)
    return instance


@transaction.atomic
def save_partner(*, partner: Partner, actor, locations=None, colleagues=None) -> Partner:
    """Side effects: audit entry."""
    if partner.pk is None:
        partner.created_by = actor
    _save(partner, organisation=partner.organisation, actor=actor, action="partners.partner.save")
    if locations is not None:
        partner.locations.set(
            [loc for loc in locations if loc.organisation_id == partner.organisation_id]
        )
    if colleagues is not None:
        partner.colleagues.set(colleagues)
    return partner


@transaction.atomic
def save_contact(*, contact: Contact, actor) -> Contact:
    """Side effects: audit entry (without the contact's details)."""
    return _save(
        contact,
        organisation=contact.partner.organisation,
        actor=actor,
        action="partners.contact.save",
    )


@transaction.atomic
def delete_contact(*, contact: Contact, actor) -> None:
    record(
        organisation=contact.partner.organisation,
        actor=actor,
        action="partners.contact.delete",
        target=None,
    )
    contact.delete()


@transaction.atomic
def save_agreement(*, agreement: Agreement, actor) -> Agreement:
    if agreement.review_on < agreement.starts_on:
        raise ValidationError({"review_on": _("The review date is before the start.")})
    return _save(
        agreement,
        organisation=agreement.partner.organisation,
        actor=actor,
        action="partners.agreement.save",
    )


@transaction.atomic
def confirm_agreement_review(*, agreement: Agreement, actor, next_review) -> Agreement:
    agreement.review_on = next_review
    return _save(
        agreement,
        organisation=agreement.partner.organisation,
        actor=actor,
        action="partners.agreement.save",
    )


@transaction.atomic
def save_activity(*, activity: Activity, actor) -> Activity:
    organisation = activity.partner.organisation
    for linked in (activity.goal, activity.theme):
        if linked is not None and linked.organisation_id != organisation.pk:
            raise ValidationError(_("Choose a goal or theme of this organisation."))
    return _save(activity, organisation=organisation, actor=actor, action="partners.activity.save")


@transaction.atomic
def create_pulse(*, organisation, actor, title, partners, closes_on) -> Pulse:
    """A pulse with one single-use link for each contact with an e-mail address (their
    side) and each colleague who works with the partner (our side), mailed by the worker.
    Only hashes are stored. Side effects: Pulse, PulseLink rows, mails, audit entry."""
    partners = [p for p in partners if p.organisation_id == organisation.pk]
    if not partners:
        raise ValidationError({"partners": _("Choose at least one partner.")})
    pulse = Pulse.objects.create(
        organisation=organisation,
        title=title,
        closes_on=closes_on,
        created_by=actor,
        k=organisation.anonymity_threshold,
    )
    pulse.partners.set(partners)
    mails = []
    seen_colleagues = set()
    for partner in partners:
        for contact in partner.contacts.exclude(email=""):
            mails.append((contact.email, Side.THEIRS, partner))
        for colleague in partner.colleagues.all():
            if colleague.pk not in seen_colleagues:
                seen_colleagues.add(colleague.pk)
                mails.append((colleague.email, Side.OURS, partner))
    outgoing = []
    for email, side, partner in mails:
        token = new_token()
        PulseLink.objects.create(
            pulse=pulse, side=side, partner=partner, token_hash=hash_token(token)
        )
        outgoing.append((email, absolute(reverse("partners_public:pulse_answer", args=[token]))))
    record(
        organisation=organisation,
        actor=actor,
        action="partners.pulse.create",
        target=pulse,
        after={"link_count": len(outgoing)},
    )

    # The mails go through the outbox in this transaction and the worker sends them: a crash
    # loses none, and the key mails no link twice.
    subject = _("Short question about our cooperation: %(title)s") % {"title": title}
    outbox.queue_mails(
        [
            Mail(
                key=f"partners.pulse:{pulse.pk}:{index}",
                to=email,
                subject=subject,
                body=_(
                    "Four statements about how we work together with %(org)s, answered in a "
                    "minute, without an account. Your answers are only shown as totals of at "
                    "least %(k)s people; this link works once: %(url)s"
                )
                % {"org": organisation.name, "k": pulse.k, "url": url},
            )
            for index, (email, url) in enumerate(outgoing)
        ],
        group=MAIL_GROUP,
        organisation_id=organisation.pk,
    )
    outbox.deliver_after_commit(MAIL_GROUP)
    return pulse


def link_for(token: str) -> PulseLink | None:
    return (
        PulseLink.objects.filter(token_hash=hash_token(token))
        .select_related("pulse__organisation", "partner")
        .first()
    )


@transaction.atomic
def answer_pulse(*, token: str, scores: dict[str, int]) -> None:
    """Use a link once. The answer keeps only the side and the partner's type.
    Side effects: the link marked used, a PulseAnswer."""
    link = link_for(token)
    if link is None or link.pulse.closes_on < timezone.localdate():
        raise ValidationError(_("This link does not work (any more)."))
    keys = {key for key, _label in ITEMS}
    if set(scores) != keys or any(not 1 <= int(v) <= 5 for v in scores.values()):
        raise ValidationError(_("Answer every statement."))
    if PulseLink.objects.filter(pk=link.pk, used=False).update(used=True) != 1:
        raise ValidationError(_("This link has been used already."))
    PulseAnswer.objects.create(
        pulse=link.pulse,
        side=link.side,
        partner_kind=link.partner.kind if link.partner else "other",
        scores={key: int(value) for key, value in scores.items()},
    )
