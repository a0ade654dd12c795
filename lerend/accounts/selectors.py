"""Reads about a person's own account. A person only ever reads their own data here."""

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
    """Everything Lerend holds about this person, for download: the account, and what the
    learning and collaboration apps hold that is theirs (each app decides that in its own
    selectors, by the same rules as its pages). Secrets (password hash, TOTP secret,
    recovery code hashes) are left out on purpose."""
    # Imported here: the domain apps build on accounts, not the other way round.
    from lerend.api.selectors import own_api_keys_data
    from lerend.collaboration.selectors import own_collaboration_data
    from lerend.learning.selectors import own_learning_data

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
                "location": m.location.name if m.location_id else None,
                "team": m.team.name if m.team_id else None,
                "fte": str(m.fte),
                "start_date": m.start_date.isoformat(),
                "end_date": m.end_date.isoformat() if m.end_date else None,
            }
            for m in memberships
        ],
        "learning": own_learning_data(user),
        "collaboration": own_collaboration_data(user),
        "api_keys": own_api_keys_data(user),
    }
