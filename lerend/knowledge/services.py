"""Every write of knowledge: keyword-only, atomic, audited. An entry's search row is
refreshed in the same transaction; everything else the search holds is refreshed by
``reindex_organisation`` (the daily task, docs/decisions/0012-knowledge-search.md)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.frameworks.fields import clean_block_keys
from lerend.kit import contrib
from lerend.organisations.models import Membership, Team
from lerend.organisations.services import record

from . import search_index
from .documents import KIND, entry_document
from .models import Expertise, KnowledgeEntry, OriginKind, SearchEntry, Status, Visibility

REVIEW_MONTHS = 12
ENTRY_FIELDS = ("title", "context", "approach", "result", "learned", "evidence")


def default_review_on(today=None) -> datetime.date:
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=365 * REVIEW_MONTHS // 12)


def _check_audience(access, visibility, team, location):
    """The owner shares with a team or location of their own, or one they cover."""
    if visibility == Visibility.TEAM:
        if team is None or team.organisation_id != access.organisation.pk:
            raise ValidationError({"team": _("Choose the team that may read it.")})
        if team.id not in access.team_ids and not access.covers_team(team):
            raise ValidationError({"team": _("Choose one of your own teams.")})
        return team, None
    if visibility == Visibility.LOCATION:
        if location is None or location.organisation_id != access.organisation.pk:
            raise ValidationError({"location": _("Choose the location that may read it.")})
        if location.id not in access.location_ids and not access.covers_location(location.id):
            raise ValidationError({"location": _("Choose one of your own locations.")})
        return None, location
    return None, None


def _check_contact(organisation, contact_person):
    if contact_person is None:
        return
    if (
        not Membership.objects.active()
        .filter(organisation=organisation, person=contact_person)
        .exists()
    ):
        raise ValidationError({"contact_person": _("Choose a colleague of this organisation.")})


def _apply(entry, access, fields):
    team, location = _check_audience(
        access, fields["visibility"], fields.get("team"), fields.get("location")
    )
    _check_contact(access.organisation, fields.get("contact_person"))
    for name in ENTRY_FIELDS:
        setattr(entry, name, fields.get(name, "") or "")
    if not entry.learned.strip():
        raise ValidationError({"learned": _("Write down what you learned.")})
    entry.building_blocks = clean_block_keys(fields.get("building_blocks"))
    entry.visibility, entry.team, entry.location = fields["visibility"], team, location
    entry.contact_person = fields.get("contact_person")
    entry.origin_kind = fields.get("origin_kind") or OriginKind.NONE
    entry.origin_id = fields.get("origin_id") if entry.origin_kind else None
    entry.review_on = fields.get("review_on") or entry.review_on or default_review_on()
    entry.updated_at = timezone.now()


@transaction.atomic
def create_entry(*, access, actor, **fields) -> KnowledgeEntry:
    """A new draft owned by ``actor``. Side effects: audit entry."""
    entry = KnowledgeEntry(organisation=access.organisation, owner=actor)
    _apply(entry, access, fields)
    entry.save()
    record(
        organisation=access.organisation, actor=actor, action="knowledge.entry.create", target=entry
    )
    return entry


@transaction.atomic
def update_entry(*, access, actor, entry, **fields) -> KnowledgeEntry:
    """Side effects: audit entry; the entry's search row follows."""
    before = {"visibility": entry.visibility, "status": entry.status}
    _apply(entry, access, fields)
    entry.save()
    record(
        organisation=access.organisation,
        actor=actor,
        action="knowledge.entry.update",
        target=entry,
        before=before,
        after={"visibility": entry.visibility, "status": entry.status},
    )
    index_entry(entry=entry)
    return entry


@transaction.atomic
def publish_entry(*, access, actor, entry) -> KnowledgeEntry:
    """Draft -> published: its audience can read and find it. Side effects: audit entry,
    search row written."""
    if entry.status != Status.PUBLISHED:
        entry.status, entry.published_at = Status.PUBLISHED, timezone.now()
        entry.save(update_fields=["status", "published_at"])
        record(
            organisation=access.organisation,
            actor=actor,
            action="knowledge.entry.publish",
            target=entry,
            after={"visibility": entry.visibility},
        )
    index_entry(entry=entry)
    return entry


@transaction.atomic
def confirm_review(*, access, actor, entry, review_on=None) -> KnowledgeEntry:
    """ "Klopt dit nog?" — yes: the next review date. Side effects: audit entry."""
    entry.review_on = review_on or default_review_on()
    entry.review_asked_on = None
    entry.updated_at = timezone.now()
    entry.save(update_fields=["review_on", "review_asked_on", "updated_at"])
    record(
        organisation=access.organisation,
        actor=actor,
        action="knowledge.entry.review",
        target=entry,
        after={"review_on": entry.review_on.isoformat()},
    )
    return entry


@transaction.atomic
def delete_entry(*, access, actor, entry) -> None:
    """Side effects: audit entry; the search row goes too."""
    record(
        organisation=access.organisation, actor=actor, action="knowledge.entry.delete", target=entry
    )
    _drop(access.organisation, KIND, [str(entry.pk)])
    entry.delete()


# --- the search index --------------------------------------------------------------------


def _team_locations(organisation) -> dict[int, int]:
    return dict(Team.objects.filter(organisation=organisation).values_list("id", "location_id"))


def _drop(organisation, kind, keys) -> None:
    rows = SearchEntry.objects.filter(organisation=organisation, kind=kind, key__in=keys)
    search_index.delete_fts(list(rows.values_list("id", flat=True)))
    rows.delete()


@transaction.atomic
def index_entry(*, entry) -> None:
    """Bring one entry's search row in line with the entry: written when published, gone
    when not. Side effects: SearchEntry (and FTS) row."""
    document = entry_document(entry)
    if document is None:
        _drop(entry.organisation, KIND, [str(entry.pk)])
        return
    fields = search_index.entry_fields(document, _team_locations(entry.organisation))
    fields["source"] = "knowledge"
    row, _created = SearchEntry.objects.update_or_create(
        organisation=entry.organisation, kind=KIND, key=document.key, defaults=fields
    )
    search_index.write_fts([row])


@transaction.atomic
def reindex_organisation(*, organisation, app_label: str | None = None) -> dict[str, int]:
    """Every app's ``search_documents`` for the organisation into the index — or only the
    app ``app_label``'s part, when its records changed (``listeners``): new and changed rows
    written (compared by digest), rows no longer offered deleted. Idempotent.
    Side effects: SearchEntry and FTS rows; returns counts."""
    team_locations = _team_locations(organisation)
    sources = contrib.search_sources_by_app()
    if app_label is not None:
        sources = {app_label: sources[app_label]} if app_label in sources else {}
    rows = SearchEntry.objects.filter(organisation=organisation)
    if app_label is not None:
        rows = rows.filter(source=app_label)
    existing = {
        (kind, key): (pk, digest, source)
        for pk, kind, key, digest, source in rows.values_list(
            "id", "kind", "key", "digest", "source"
        )
    }
    seen, new, changed = set(), [], []
    for label, source in sources.items():
        for document in source(organisation):
            if document is None:
                continue
            ident = (document.kind, document.key)
            if ident in seen:
                continue
            seen.add(ident)
            fields = search_index.entry_fields(document, team_locations)
            fields["source"] = label
            if ident not in existing:
                new.append(
                    SearchEntry(organisation=organisation, kind=ident[0], key=ident[1], **fields)
                )
            elif existing[ident][1:] != (fields["digest"], label):
                changed.append(
                    SearchEntry(
                        pk=existing[ident][0],
                        organisation=organisation,
                        kind=ident[0],
                        key=ident[1],
                        **fields,
                    )
                )
    stale = [pk for ident, (pk, _d, _s) in existing.items() if ident not in seen]
    if stale:
        search_index.delete_fts(stale)
        SearchEntry.objects.filter(pk__in=stale).delete()
    if changed:
        now = timezone.now()
        for row in changed:
            row.indexed_at = now
        SearchEntry.objects.bulk_update(
            changed,
            [
                "source",
                "title",
                "body",
                "url",
                "audience",
                "location_id",
                "team_id",
                "people",
                "blocks",
                "title_terms",
                "body_terms",
                "digest",
                "indexed_at",
            ],
            batch_size=500,
        )
    if app_label is not None and new:
        # A row of this kind and key may still carry another (older, empty) source.
        SearchEntry.objects.filter(
            organisation=organisation,
            kind__in={kind for kind, _key in seen},
            key__in=[row.key for row in new],
        ).exclude(source=app_label).delete()
    created = SearchEntry.objects.bulk_create(new, batch_size=500)  # pks via RETURNING
    search_index.write_fts(changed + created)
    return {"added": len(new), "changed": len(changed), "removed": len(stale)}


# --- the expertise directory -------------------------------------------------------------


@transaction.atomic
def save_expertise(
    *,
    access,
    actor,
    can_help_with,
    building_blocks=(),
    show_pd=False,
    show_groups=False,
    show_knowledge=True,
) -> Expertise:
    """Opt in (or change what is shown). Side effects: audit entry."""
    if not (can_help_with or "").strip():
        raise ValidationError({"can_help_with": _("Say what colleagues can ask you about.")})
    expertise, _created = Expertise.objects.update_or_create(
        organisation=access.organisation,
        person=actor,
        defaults={
            "can_help_with": can_help_with.strip(),
            "building_blocks": clean_block_keys(building_blocks),
            "show_pd": show_pd,
            "show_groups": show_groups,
            "show_knowledge": show_knowledge,
            "updated_at": timezone.now(),
        },
    )
    record(
        organisation=access.organisation,
        actor=actor,
        action="knowledge.expertise.save",
        target=expertise,
    )
    return expertise


@transaction.atomic
def remove_expertise(*, access, actor) -> int:
    """Opt out: the person leaves the directory. Side effects: audit entry."""
    removed = Expertise.objects.filter(organisation=access.organisation, person=actor)
    count = removed.count()
    if count:
        record(
            organisation=access.organisation,
            actor=actor,
            action="knowledge.expertise.remove",
            target=None,
        )
        removed.delete()
    return count
