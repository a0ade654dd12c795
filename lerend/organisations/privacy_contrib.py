"""Management's part in the privacy slots (contrib.py names these): the profile card to ask
for erasure, and what management declares in the register of processing activities."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing, Widget

from .models import ErasureRequest, Membership


def profile_widgets(request):
    memberships = (
        Membership.objects.active()
        .filter(person=request.user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    organisations = list({m.organisation_id: m.organisation for m in memberships}.values())
    if not organisations:
        return []
    asked = set(
        ErasureRequest.objects.filter(person=request.user).values_list("organisation_id", flat=True)
    )
    items = [{"organisation": o, "requested": o.pk in asked} for o in organisations]
    return [Widget(80, "organisations/_privacy_card.html", {"organisations": items})]


PROCESSING = (
    Processing(
        name=_("Staff administration: roles, teams and invitations"),
        data=_("Name, e-mail address, role, team and location, FTE, start and end dates"),
        subjects=_("Staff, leaders, coaches and invited people"),
        purpose=_("Giving everyone access to what fits their role, and nothing more"),
        legal_basis=_(
            "Performance of the employment contract (AVG art. 6(1)(b)), "
            "legitimate interest (6(1)(f))"
        ),
        retention=_(
            "Until the person leaves; erased after the retention period for people who left "
            "(default 365 days); invitations 90 days after use or expiry"
        ),
        recipients=_("The beheerder; leaders see the people in their scope"),
        models=("organisations.Membership", "organisations.Invitation"),
    ),
    Processing(
        name=_("Audit log"),
        data=_("Who changed what and when, with the values before and after"),
        subjects=_("People who change settings, roles, goals and campaigns"),
        purpose=_("Accountability and security"),
        legal_basis=_(
            "Legal obligation to secure personal data (AVG art. 32), legitimate interest (6(1)(f))"
        ),
        retention=_("Default 730 days, set by the organisation"),
        recipients=_("The beheerder"),
        models=("organisations.AuditEntry",),
    ),
    Processing(
        name=_("Requests to erase"),
        data=_("Who asked, and when"),
        subjects=_("People who ask for their data to be erased"),
        purpose=_("Handling the right to erasure (AVG art. 17)"),
        legal_basis=_("Legal obligation (AVG art. 6(1)(c))"),
        retention=_("Until the request is handled: erasing the person removes it"),
        recipients=_("The beheerder"),
        models=("organisations.ErasureRequest",),
    ),
)


def own_requests(person) -> list[dict]:
    """The person's open requests to erase, for their own-data download."""
    return [
        {"organisation": r.organisation.name, "requested_at": r.requested_at.isoformat()}
        for r in ErasureRequest.objects.filter(person=person).select_related("organisation")
    ]
