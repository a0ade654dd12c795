"""Reads about a person's own account. A person only ever reads their own data here."""

from lerend.kit import contrib
from lerend.organisations.models import Membership

from .models import RecoveryCode


def my_memberships(user):
    return (
        Membership.objects.active()
        .filter(person=user)
        .select_related("organisation", "location", "team")
        .order_by("organisation__name", "role")
    )


def unused_recovery_code_count(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def own_data(user) -> dict:
    """Everything Lerend holds about this person, for download: the account, and what every
    app holds that is theirs (each app's ``contrib.py`` names its part, decided by the same
    rules as its pages). Secrets (password hash, TOTP secret, recovery code hashes) are left
    out on purpose."""
    memberships = (
        Membership.objects.filter(person=user)
        .select_related("organisation", "location", "team")
        .order_by("organisation__name", "start_date")
    )
    return {
        "account": {
            "email": user.email,
            "name": user.name,
            "language": user.language,
            "active": user.is_active,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "two_factor_enabled": user.has_two_factor,
            "two_factor_confirmed_at": (
                user.totp_confirmed_at.isoformat() if user.totp_confirmed_at else None
            ),
        },
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "scope": m.scope,
                "location": m.location.name if m.location else None,
                "team": m.team.name if m.team else None,
                "fte": str(m.fte),
                "start_date": m.start_date.isoformat(),
                "end_date": m.end_date.isoformat() if m.end_date else None,
            }
            for m in memberships
        ],
        **contrib.own_data(user),
    }
