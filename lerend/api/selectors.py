"""Which API keys a page lists."""

from .models import ApiToken


def tokens_of(person):
    """The person's own keys, every organisation, newest first (usable ones and the rest)."""
    return ApiToken.objects.filter(person=person).select_related("organisation", "person")


def tokens_in(organisation):
    """Every key made in the organisation, for its beheerder."""
    return ApiToken.objects.filter(organisation=organisation).select_related("person")


def own_token_or_none(person, token_id):
    return tokens_of(person).filter(pk=token_id).first()


def own_api_keys_data(person) -> list[dict]:
    """The person's keys for their own-data download: names and dates, never the digest."""
    return [
        {
            "name": t.name,
            "organisation": t.organisation.name,
            "created_at": t.created_at.isoformat(),
            "expires_on": t.expires_on.isoformat(),
            "last_used_on": t.last_used_on.isoformat() if t.last_used_on else None,
            "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        }
        for t in tokens_of(person)
    ]
