"""Learning-group themes in the organisation's search (kit.contrib.SearchDocument): found
by the group's members only (what a covering leader sees of a group is its dates)."""

from django.urls import reverse

from lerend.kit.contrib import SearchDocument

from .models import GroupMembership, LearningGroup


def search_documents(organisation):
    members: dict[int, list[int]] = {}
    for group_id, person_id in GroupMembership.objects.filter(
        group__organisation=organisation
    ).values_list("group_id", "person_id"):
        members.setdefault(group_id, []).append(person_id)
    for group in LearningGroup.objects.filter(organisation=organisation).only(
        "pk", "name", "theme", "building_blocks"
    ):
        if not group.theme or group.pk not in members:
            continue
        yield SearchDocument(
            kind="learning_group",
            key=str(group.pk),
            title=group.name,
            body=group.theme,
            url=reverse("collaboration:group_detail", args=[organisation.slug, group.pk]),
            audience="people",
            person_ids=tuple(sorted(members[group.pk])),
            building_blocks=tuple(group.building_blocks),
        )
