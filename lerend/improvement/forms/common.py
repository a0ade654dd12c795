"""What the improvement forms share: whom one may choose as owner."""

from django.contrib.auth import get_user_model

from lerend.organisations.models import Membership

User = get_user_model()


def people_choices(organisation, *, team=None):
    """Active members of the organisation (of the team when given), for owner choices."""
    memberships = Membership.objects.active().filter(organisation=organisation)
    if team is not None:
        memberships = memberships.filter(team=team)
    return User.objects.filter(pk__in=memberships.values("person")).order_by("name")
