"""Daily work of partners: contact persons past their keep-until date are deleted."""

from django.tasks import task
from django.utils import timezone

from .models import Contact


@task
def delete_expired_contacts() -> int:
    return Contact.objects.filter(keep_until__lt=timezone.localdate()).delete()[0]
