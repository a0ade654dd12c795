"""Demo content of knowledge, through its own services: entries of what was learned (one
for the team, one for the location, one for everybody), a draft, the demo medewerker and
coach in the expertise directory, and the search index filled. Idempotent."""

import datetime

from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role

from . import services
from .demo_text import ENTRIES, EXPERTISE
from .models import KnowledgeEntry


def add_demo(demo) -> list[str]:
    org = demo.organisation
    added = []
    if not KnowledgeEntry.objects.filter(organisation=org).exists():
        for role, visibility, publish, data in demo.texts(ENTRIES["childcare"], ENTRIES["school"]):
            person = demo.login(role)
            access = resolve_access(person, org)
            team = demo.team_of(person) if visibility == "team" else None
            location = None
            if visibility == "location":
                location = team.location if (team := demo.team_of(person)) else None
                if location is None:
                    visibility = "organisation"
                team = None
            entry = services.create_entry(
                access=access,
                actor=person,
                visibility=visibility,
                team=team,
                location=location,
                review_on=demo.today + datetime.timedelta(days=data.get("review_in", 300)),
                **{k: v for k, v in data.items() if k != "review_in"},
            )
            if publish:
                services.publish_entry(access=access, actor=person, entry=entry)
        added.append("knowledge entries")
    for role in (Role.MEDEWERKER, Role.COACH):
        person = demo.login(role)
        access = resolve_access(person, org)
        text, blocks = demo.texts(EXPERTISE["childcare"], EXPERTISE["school"])[role]
        services.save_expertise(
            access=access,
            actor=person,
            can_help_with=text,
            building_blocks=blocks,
            show_knowledge=True,
            show_groups=True,
        )
    services.reindex_organisation(organisation=org)
    added.append("search index")
    return added
