"""Keep the cached "not coached yet" counts true: a session, an attendee or an assignment
that changes bumps the organisation's ``coaching`` namespace (lerend.kit.cache)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lerend.kit import cache

from .models import Assignment, Attendee, CoachingSession


def coaching_namespace(organisation_id: int) -> tuple[str, int]:
    return ("coaching", organisation_id)


# Attendees are written with bulk_create right after their session is saved; the session's
# own bump runs again when that transaction commits, after the attendees are in.
@receiver([post_save, post_delete], sender=CoachingSession)
@receiver([post_save, post_delete], sender=Attendee)
@receiver([post_save, post_delete], sender=Assignment)
def coaching_changed(sender, instance, **kwargs) -> None:
    cache.bump(coaching_namespace(instance.organisation_id))
