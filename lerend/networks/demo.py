"""Demo content of networks: a closed round from last year (every team answered, simulated
with a fixed seed: mostly within the team, some across teams of a location, a few across
locations) and an open re-measure the demo medewerker has not answered yet. Idempotent."""

import datetime
import random

from lerend.accounts.models import User
from lerend.organisations.models import Role

from . import services
from .demo_text import ROUNDS
from .models import Invitation, NetworkRound


def _answer_all(network_round, rng, share=0.85) -> None:
    roster = list(
        Invitation.objects.filter(round=network_round).values_list(
            "person_id", "team_id", "location_id"
        )
    )
    by_team, by_location = {}, {}
    for person, team, location in roster:
        by_team.setdefault(team, []).append(person)
        by_location.setdefault(location, []).append(person)
    everyone = [p for p, _t, _l in roster]
    people = User.objects.in_bulk(everyone)
    for person, team, location in roster:
        if rng.random() > share:
            continue
        chosen = {}
        for purpose in range(1, len(network_round.purposes) + 1):
            pool = [p for p in by_team.get(team, []) if p != person]
            picks = set(rng.sample(pool, min(len(pool), rng.randint(1, 3)))) if pool else set()
            if rng.random() < 0.5:
                near = [p for p in by_location.get(location, []) if p != person]
                if near:
                    picks.add(rng.choice(near))
            if rng.random() < 0.15:
                picks.add(rng.choice([p for p in everyone if p != person]))
            chosen[purpose] = sorted(picks)
        services.submit_answers(
            network_round=network_round, person=people[person], chosen=chosen, consent=True
        )


def add_demo(demo) -> list[str]:
    org = demo.organisation
    if NetworkRound.objects.filter(organisation=org).exists():
        return []
    board = demo.login(Role.BESTUURDER)
    text = demo.texts(ROUNDS["childcare"], ROUNDS["school"])
    rng = random.Random(f"networks-{org.slug}")  # noqa: S311 — demo data, not security
    last_year = services.create_round(
        organisation=org,
        actor=board,
        title=text["title_before"],
        purposes=text["purposes"],
        purpose_statement=text["statement"],
        opens_on=demo.today - datetime.timedelta(days=370),
        closes_on=demo.today - datetime.timedelta(days=350),
    )
    services.launch_round(network_round=last_year, actor=board)
    _answer_all(last_year, rng)
    services.close_round(
        network_round=last_year, actor=board, today=demo.today - datetime.timedelta(days=350)
    )
    now = services.create_round(
        organisation=org,
        actor=board,
        title=text["title_now"],
        purposes=text["purposes"],
        purpose_statement=text["statement"],
        opens_on=demo.today - datetime.timedelta(days=3),
        closes_on=demo.today + datetime.timedelta(days=14),
        previous=last_year,
    )
    services.launch_round(network_round=now, actor=board)
    return ["advice-network rounds"]
