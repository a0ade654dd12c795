"""Whom the knowledge forms may offer in their people picker (``people_scopes``)."""

from lerend.organisations import picker


def contact_people(request):
    """The contact person of an entry: anyone working here."""
    return picker.organisation_people(request.organisation)


SCOPES = {"knowledge.contact": contact_people}
