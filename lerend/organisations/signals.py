"""Keep the cached head counts true: every change to who is active where bumps the
organisation's ``people`` namespace (lerend.kit.cache) once the transaction commits."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lerend.kit import cache

from .models import Location, Membership, Team
from .selectors import people_namespace


@receiver([post_save, post_delete], sender=Membership)
@receiver([post_save, post_delete], sender=Team)
@receiver([post_save, post_delete], sender=Location)
def organisation_changed(sender, instance, **kwargs) -> None:
    cache.bump(people_namespace(instance.organisation_id))


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def person_changed(sender, instance, update_fields=None, **kwargs) -> None:
    """A person (de)activated: every organisation they belong to. A log-in, which saves only
    ``last_login``, changes no count."""
    if update_fields is not None and "is_active" not in update_fields:
        return
    organisation_ids = (
        Membership.objects.filter(person_id=instance.pk)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    cache.bump(*(people_namespace(pk) for pk in organisation_ids))
