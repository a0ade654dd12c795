"""Knowledge entries as search documents (kit.contrib.SearchDocument): published ones only,
for the audience their owner chose. Drafts are never offered."""

from django.urls import reverse

from lerend.kit.contrib import SearchDocument

from .models import KnowledgeEntry, Status

KIND = "knowledge"


def entry_document(entry) -> SearchDocument | None:
    if entry.status != Status.PUBLISHED:
        return None
    body = "\n".join(
        part
        for part in (entry.learned, entry.context, entry.approach, entry.result, entry.evidence)
        if part
    )
    return SearchDocument(
        kind=KIND,
        key=str(entry.pk),
        title=entry.title,
        body=body,
        url=reverse("knowledge:detail", args=[entry.organisation.slug, entry.pk]),
        audience=entry.visibility,
        location_id=entry.location_id,
        team_id=entry.team_id,
        building_blocks=tuple(entry.building_blocks),
    )


def search_documents(organisation):
    entries = KnowledgeEntry.objects.filter(organisation=organisation, status=Status.PUBLISHED)
    for entry in entries:
        entry.organisation = organisation
        yield entry_document(entry)
