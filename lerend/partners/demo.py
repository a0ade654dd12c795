"""Demo content of partners: three partners per sector with a contact, agreements (one due
for review) and joint activities, linked to a goal where there is one. Idempotent."""

import datetime

from lerend.improvement.models import Goal
from lerend.organisations.models import Role

from . import services
from .demo_text import PARTNERS
from .models import Activity, Agreement, Contact, Partner


def add_demo(demo) -> list[str]:
    org = demo.organisation
    if Partner.objects.filter(organisation=org).exists():
        return []
    actor = demo.login(Role.BESTUURDER)
    coach = demo.login(Role.COACH)
    goal = Goal.objects.filter(organisation=org).order_by("pk").first()
    for n, data in enumerate(demo.texts(PARTNERS["childcare"], PARTNERS["school"])):
        partner = services.save_partner(
            partner=Partner(
                organisation=org,
                name=data["name"],
                kind=data["kind"],
                place=data["place"],
                description=data["description"],
            ),
            actor=actor,
            colleagues=[coach],
        )
        for name, role, email in data["contacts"]:
            services.save_contact(
                contact=Contact(partner=partner, name=name, role=role, email=email), actor=actor
            )
        if data["agreement"]:
            title, kind, summary = data["agreement"]
            services.save_agreement(
                agreement=Agreement(
                    partner=partner,
                    title=title,
                    kind=kind,
                    summary=summary,
                    owner=coach,
                    starts_on=demo.today - datetime.timedelta(days=400),
                    review_on=demo.today - datetime.timedelta(days=5)
                    if n == 0
                    else demo.today + datetime.timedelta(days=200),
                ),
                actor=actor,
            )
        for i, (kind, title, description) in enumerate(data["activities"]):
            services.save_activity(
                activity=Activity(
                    partner=partner,
                    kind=kind,
                    title=title,
                    description=description,
                    held_on=demo.today - datetime.timedelta(days=30 * (i + 1)),
                    goal=goal if i == 0 else None,
                    building_blocks=["ketenpartners"],
                ),
                actor=actor,
            )
    services.create_pulse(
        organisation=org,
        actor=actor,
        title="Partnerschapspuls",
        partners=list(Partner.objects.filter(organisation=org)),
        closes_on=demo.today + datetime.timedelta(days=14),
    )
    return ["partners"]
