"""Reads that decide who sees what in knowledge: entries, the search, the directory.

The audience rule is one function (``audience_filter``) used for knowledge entries and for
every row of the search index alike:

- organisation: every member;
- location: whoever works at the location (a location membership or a team there) and the
  leaders and coaches covering it;
- team: the team's members and the leaders and coaches covering the team;
- people: the persons named, nobody else — not by role either.

A draft is read by its owner only. Everything goes through the organisation, so another
tenant's id does not exist (404).
"""

from django.db.models import Count, F, Q, TextField
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone

from lerend.collaboration.models import GroupMembership, GroupRole
from lerend.learning.models import Participation, ParticipationStatus
from lerend.organisations.models import Scope

from . import search_index, text
from .models import Expertise, KnowledgeEntry, SearchEntry, Status
from .rules import COVERING_ROLES

SEARCH_LIMIT = 30


def _person_id(access) -> int | None:
    return access.memberships[0].person_id if access.memberships else None


def audience_filter(access, *, field: str = "audience", team_location: str = "location_id") -> Q:
    """Q for rows this person may read by audience (see the module docstring). ``field``
    names the audience column (``visibility`` on entries); ``team_location`` the location of
    a team-wide row (the index stores it beside the team)."""
    q = Q(**{field: "organisation"})
    if access.covers_organisation(COVERING_ROLES):
        return q | Q(**{f"{field}__in": ["location", "team"]})
    covered = {
        m.location_id
        for m in access.memberships
        if m.role in COVERING_ROLES and m.scope == Scope.LOCATION
    }
    q |= Q(**{field: "location", "location_id__in": access.location_ids | covered})
    q |= Q(**{field: "team", "team_id__in": access.team_ids})
    if covered:
        q |= Q(**{field: "team", f"{team_location}__in": covered})
    return q


def _with_block(queryset, block: str):
    """Rows whose building-block list holds ``block`` (JSON as text: works on both
    databases, the quotes make it a whole key)."""
    return queryset.annotate(_blocks=Cast("building_blocks", TextField())).filter(
        _blocks__contains=f'"{block}"'
    )


# --- knowledge entries -------------------------------------------------------------------


def _entries(organisation):
    return KnowledgeEntry.objects.filter(organisation=organisation).select_related(
        "owner", "contact_person", "team", "location"
    )


def readable_entries(access, user):
    """Published entries for this person's audiences, and their own drafts."""
    published = Q(status=Status.PUBLISHED) & audience_filter(
        access, field="visibility", team_location="team__location_id"
    )
    return _entries(access.organisation).filter(published | Q(owner=user))


def entry_for_reader(access, user, knowledge_id) -> KnowledgeEntry:
    entry = readable_entries(access, user).filter(pk=knowledge_id).first()
    if entry is None:
        raise Http404
    return entry


def entry_for_owner(access, user, knowledge_id) -> KnowledgeEntry:
    entry = _entries(access.organisation).filter(owner=user, pk=knowledge_id).first()
    if entry is None:
        raise Http404
    return entry


def published_for(access, user, *, block: str = ""):
    found = readable_entries(access, user).filter(status=Status.PUBLISHED)
    if block:
        found = _with_block(found, block)
    return found.order_by("-published_at", "-id")


def own_entries(access, user):
    return _entries(access.organisation).filter(owner=user).order_by("-updated_at", "-id")


def entries_to_review(access, user):
    return own_entries(access, user).filter(
        status=Status.PUBLISHED, review_on__lte=timezone.localdate()
    )


# --- search ------------------------------------------------------------------------------


def visible_search_entries(access, *, kind: str = "", block: str = ""):
    """Index rows this person may find: their organisation, their audiences."""
    person_id = _person_id(access)
    allowed = audience_filter(access) | Q(audience="people", people__contains=f" {person_id} ")
    found = SearchEntry.objects.filter(organisation=access.organisation).filter(allowed)
    if kind:
        found = found.filter(kind=kind)
    if block:
        found = found.filter(blocks__contains=f" {block} ")
    return found


def search(access, query: str, *, kind: str = "", block: str = "", limit: int = SEARCH_LIMIT):
    """Ranked results with highlighted snippets: two queries, however many results."""
    terms = text.query_terms(query)
    visible = visible_search_entries(access, kind=kind, block=block)
    ids = search_index.ranked_ids(visible, terms, limit)
    return [
        {
            "entry": entry,
            "title": text.highlight(entry.title, terms),
            "snippet": text.snippet(entry.body, terms),
        }
        for entry in search_index.entries_in_order(ids)
    ]


def search_kinds(organisation) -> list[str]:
    return list(
        SearchEntry.objects.filter(organisation=organisation)
        .values_list("kind", flat=True)
        .distinct()
        .order_by("kind")
    )


# --- expertise directory -----------------------------------------------------------------


def own_expertise(access, user) -> Expertise | None:
    return Expertise.objects.filter(organisation=access.organisation, person=user).first()


def directory(access, *, block: str = "", query: str = ""):
    """Everyone who opted in, by name: never ranked, never counted against each other."""
    found = (
        Expertise.objects.filter(organisation=access.organisation)
        .filter(person__memberships__organisation=access.organisation)
        .select_related("person")
        .distinct()
        .order_by("person__name", "id")
    )
    if block:
        found = _with_block(found, block)
    if query:
        found = found.filter(Q(can_help_with__icontains=query) | Q(person__name__icontains=query))
    return found


def expertise_or_404(access, expertise_id) -> Expertise:
    found = directory(access).filter(pk=expertise_id).first()
    if found is None:
        raise Http404
    return found


def shown_evidence(access, user, expertise) -> dict:
    """What shows the expertise, as far as its person chose to show it: three counts at
    most, for this one person (never side by side with others')."""
    org, person = access.organisation, expertise.person
    shown = {}
    if expertise.show_pd:
        shown["pd"] = Participation.objects.filter(
            activity__organisation=org, person=person, status=ParticipationStatus.ATTENDED
        ).count()
    if expertise.show_groups:
        shown["groups"] = GroupMembership.objects.filter(
            group__organisation=org, person=person, role=GroupRole.COORDINATOR
        ).count()
    if expertise.show_knowledge:
        shown["knowledge"] = list(
            published_for(access, user).filter(owner=person).values("pk", "title")[:10]
        )
    return shown


def review_counts(organisation, today) -> dict[int, int]:
    """owner id -> published entries due for "klopt dit nog?" and not asked since the
    review date came."""
    rows = (
        KnowledgeEntry.objects.filter(
            organisation=organisation,
            status=Status.PUBLISHED,
            review_on__lte=today,
            owner__isnull=False,
        )
        .filter(Q(review_asked_on__isnull=True) | Q(review_asked_on__lt=F("review_on")))
        .values("owner_id")
        .annotate(n=Count("id"))
    )
    return {r["owner_id"]: r["n"] for r in rows}
