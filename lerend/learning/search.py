"""PD write-ups in the organisation's search (kit.contrib.SearchDocument): only those the
writer chose to share with colleagues ("deel wat je geleerd hebt"), which every member reads
on the activity's page. Never a journal entry, a POP, feedback or an unshared write-up."""

from django.urls import reverse

from lerend.kit.contrib import SearchDocument

from .models import Participation


def search_documents(organisation):
    shared = (
        Participation.objects.filter(activity__organisation=organisation, writeup_shared=True)
        .exclude(writeup="")
        .select_related("activity")
        .only("pk", "writeup", "activity__title", "activity__building_blocks")
    )
    for participation in shared:
        activity = participation.activity
        yield SearchDocument(
            kind="pd_writeup",
            key=str(participation.pk),
            title=activity.title,
            body=participation.writeup,
            url=reverse("learning:pd_detail", args=[organisation.slug, activity.pk]),
            audience="organisation",
            building_blocks=tuple(activity.building_blocks or ()),
        )
