"""A person's part of knowledge in their download and in erasure (see contrib.py)."""

from django.db.models import Q

from lerend.kit.contrib import deleted

from . import services
from .models import Expertise, KnowledgeEntry, Status


def own_data(person) -> dict:
    entries = KnowledgeEntry.objects.filter(Q(owner=person) | Q(contact_person=person))
    return {
        "entries": [
            {
                "organisation": e.organisation.slug,
                "title": e.title,
                "context": e.context,
                "approach": e.approach,
                "result": e.result,
                "learned": e.learned,
                "evidence": e.evidence,
                "status": e.status,
                "visibility": e.visibility,
                "owner": e.owner_id == person.pk,
                "contact_person": e.contact_person_id == person.pk,
                "review_on": e.review_on.isoformat(),
            }
            for e in entries.select_related("organisation").order_by("pk")
        ],
        "expertise": [
            {
                "organisation": x.organisation.slug,
                "can_help_with": x.can_help_with,
                "building_blocks": x.building_blocks,
            }
            for x in Expertise.objects.filter(person=person).select_related("organisation")
        ],
    }


def erase(person, organisation) -> dict:
    """Drafts and the directory entry go; published entries stay for colleagues without the
    person's name (as owner or contact). The search rows follow on the next reindex; a
    draft never had one."""
    entries = KnowledgeEntry.objects.filter(organisation=organisation)
    drafts = entries.filter(owner=person).exclude(status=Status.PUBLISHED)
    counts = {
        "knowledge drafts": deleted(drafts),
        "knowledge entries kept without name": entries.filter(owner=person).update(owner=None),
        "knowledge contact": entries.filter(contact_person=person).update(contact_person=None),
        "expertise": deleted(Expertise.objects.filter(organisation=organisation, person=person)),
    }
    services.reindex_organisation(organisation=organisation)
    return counts


def hand_over(person, organisation, new_owner) -> dict[str, int]:
    """Before erasure, when the beheerder chooses so: ``new_owner`` becomes owner and
    contact of the published entries ``person`` shared (drafts are erased, not handed
    over). Side effects: owner and contact_person of KnowledgeEntry rows."""
    published = KnowledgeEntry.objects.filter(organisation=organisation, status=Status.PUBLISHED)
    return {
        "knowledge entries": published.filter(owner=person).update(owner=new_owner),
        "knowledge contact": published.filter(contact_person=person).update(
            contact_person=new_owner
        ),
    }
