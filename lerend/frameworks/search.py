"""The practices library in the organisation's search (kit.contrib.SearchDocument): shipped
data every member may read, in Dutch."""

from django.urls import reverse

from lerend.kit.contrib import SearchDocument

from . import registry


def search_documents(organisation):
    for practice in registry.practices():
        yield SearchDocument(
            kind="practice",
            key=practice.key,
            title=practice.name.nl,
            body=practice.description.nl,
            url=reverse("frameworks:practice", args=[organisation.slug, practice.key]),
            audience="organisation",
            building_blocks=tuple(practice.building_blocks),
        )
