"""Partners and their joint activities in the organisation's search: every member reads the
registry and the activities (rules.can_view). Contact persons are never offered."""

from django.urls import reverse

from lerend.kit.contrib import SearchDocument

from .models import Activity, Partner


def search_documents(organisation):
    slug = organisation.slug
    for partner in Partner.objects.filter(organisation=organisation).only(
        "pk", "name", "kind", "place", "description"
    ):
        yield SearchDocument(
            kind="partner",
            key=str(partner.pk),
            title=partner.name,
            body="\n".join(
                p
                for p in (str(partner.get_kind_display()), partner.place, partner.description)
                if p
            ),
            url=reverse("partners:detail", args=[slug, partner.pk]),
            audience="organisation",
        )
    for activity in (
        Activity.objects.filter(partner__organisation=organisation)
        .select_related("partner")
        .only("pk", "title", "description", "building_blocks", "partner_id", "partner__name")
    ):
        yield SearchDocument(
            kind="partner_activity",
            key=str(activity.pk),
            title=activity.title,
            body="\n".join(p for p in (activity.partner.name, activity.description) if p),
            url=reverse("partners:detail", args=[slug, activity.partner_id]),
            audience="organisation",
            building_blocks=tuple(activity.building_blocks or ()),
        )
