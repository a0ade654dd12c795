"""Knowledge search benchmark: 15,000 staff in 600 teams at 60 locations, ~50,000 searchable
items of every audience (organisation, location, team, a learning group's people); each
Dutch word of the list is in roughly 3 % of the items (the rest of the text is filler).
Times ``knowledge.selectors.search`` (both queries: the ranked match with the audience
filter, and loading the results with snippets) for a medewerker, a locatiemanager and a
bestuurder, plus the worst case of a word in every item. Prints a table; target p50 <= 50
ms. ``python -m bench.knowledge``."""

import random
import statistics
import time

WORDS = [
    "betrokkenheid",
    "kinderen",
    "ouders",
    "opruimen",
    "zandloper",
    "overgang",
    "buiten",
    "spelen",
    "rekenen",
    "lezen",
    "instructie",
    "feedback",
    "observatie",
    "welbevinden",
    "taal",
    "voorlezen",
    "kring",
    "rust",
    "regels",
    "samen",
    "pedagogisch",
    "medewerker",
    "leraar",
    "groep",
    "thema",
    "VVE",
    "ideeën",
    "gesprek",
    "coaching",
    "video",
    "intervisie",
    "leerkring",
    "doel",
    "actie",
    "verbeteren",
    "evaluatie",
    "planning",
    "overdracht",
    "mentor",
    "eetmoment",
    "slapen",
    "baby",
    "peuter",
    "dreumes",
    "bso",
    "huiswerk",
    "spel",
    "bewegen",
    "muziek",
    "creatief",
    "natuur",
    "veiligheid",
]
QUERIES = ("betrokken", "zandloper opruimen", "VVE", "ideeen", "pedagogisch medewerker", "rekenen")


# The rest of a text: 6,000 made-up words (syllable pairs), so that a real word is in a few
# per cent of the items, as in an organisation's own texts — not in every one of them.
SYLLABLES = ["ba", "de", "ki", "lo", "mu", "ne", "po", "ra", "si", "to", "ve", "wi", "za"]
FILLER = [
    a + b + c + d
    for a in SYLLABLES
    for b in SYLLABLES
    for c in ("l", "n", "r", "s", "k", "m")
    for d in SYLLABLES[:6]
]


def _text(rng, n):
    return " ".join(
        rng.choice(WORDS) if rng.random() < 0.03 else rng.choice(FILLER) for _ in range(n)
    )


def build(staff: int, items: int):
    from django.db import transaction

    from lerend.accounts.models import User
    from lerend.kit.contrib import SearchDocument
    from lerend.knowledge import search_index
    from lerend.knowledge.models import SearchEntry
    from lerend.organisations.models import Location, Membership, Organisation, Role, Scope, Team

    rng = random.Random(15)
    org = Organisation.objects.create(
        name="Bench kennis", slug="bench-kennis", sector="kinderopvang"
    )
    locations = Location.objects.bulk_create(
        Location(organisation=org, name=f"Locatie {i}", kind="kindercentrum") for i in range(60)
    )
    teams = Team.objects.bulk_create(
        Team(organisation=org, location=locations[i % 60], name=f"Groep {i}", kind="groep")
        for i in range(600)
    )
    people = User.objects.bulk_create(
        User(email=f"kennis{i}@bench.example", name=f"Persoon {i}", password="!")
        for i in range(staff)
    )
    Membership.objects.bulk_create(
        Membership(
            person=p,
            organisation=org,
            role=Role.MEDEWERKER,
            scope=Scope.TEAM,
            team=teams[i % 600],
            fte="0.8",
        )
        for i, p in enumerate(people)
    )
    manager, board = people[0], people[1]
    Membership.objects.bulk_create(
        [
            Membership(
                person=manager,
                organisation=org,
                role=Role.LOCATIEMANAGER,
                scope=Scope.LOCATION,
                location=locations[0],
                fte="1",
            ),
            Membership(
                person=board,
                organisation=org,
                role=Role.BESTUURDER,
                scope=Scope.ORGANISATION,
                fte="1",
            ),
        ]
    )
    team_locations = {t.pk: t.location_id for t in teams}
    start = time.perf_counter()
    for batch_start in range(0, items, 5000):
        rows = []
        for i in range(batch_start, min(items, batch_start + 5000)):
            kind = rng.random()
            team = teams[rng.randrange(600)]
            if kind < 0.4:
                extra = {"audience": "organisation"}
            elif kind < 0.6:
                extra = {"audience": "location", "location_id": locations[rng.randrange(60)].pk}
            elif kind < 0.9:
                extra = {"audience": "team", "team_id": team.pk}
            else:
                extra = {
                    "audience": "people",
                    "person_ids": tuple(rng.choice(people).pk for _ in range(8)),
                }
            document = SearchDocument(
                kind=rng.choice(("knowledge", "goal", "action", "theme", "pd_writeup")),
                key=str(i),
                title=_text(rng, 5),
                body=_text(rng, 60) + " opvang",  # the worst case: in every item
                url=f"/o/bench-kennis/x/{i}/",
                building_blocks=(rng.choice(("team", "cultuur", "coaching")),),
                **extra,
            )
            fields = search_index.entry_fields(document, team_locations)
            rows.append(SearchEntry(organisation=org, kind=document.kind, key=str(i), **fields))
        with transaction.atomic():
            search_index.write_fts(SearchEntry.objects.bulk_create(rows))
    index_seconds = time.perf_counter() - start
    return (
        org,
        {"medewerker": people[2], "locatiemanager": manager, "bestuurder": board},
        index_seconds,
    )


def run(staff: int = 15000, items: int = 50000, repeats: int = 5) -> dict:
    from lerend.knowledge import selectors
    from lerend.organisations.access import resolve_access

    org, personas, index_seconds = build(staff, items)
    print(
        f"\nKnowledge search ({staff:,} staff, {items:,} items; index built in "
        f"{index_seconds:.1f} s)"
    )
    print(f"{'persona':<16}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'results (median)':>18}")
    figures = {}
    for name, person in personas.items():
        access = resolve_access(person, org)
        selectors.search(access, "warm")  # warm caches (stemmer, statements)
        timings, counts = [], []
        for _ in range(repeats):
            for query in QUERIES:
                start = time.perf_counter()
                counts.append(len(selectors.search(access, query)))
                timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        figures[name] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
        print(
            f"{name:<16}{p50:>9.1f}{p95:>9.1f}{timings[-1]:>9.1f}{statistics.median(counts):>18.0f}"
        )
    access = resolve_access(personas["bestuurder"], org)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        found = len(selectors.search(access, "opvang"))
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    figures["worst_case"] = {"p50_ms": round(statistics.median(timings), 1)}
    print(
        f"{'worst case':<16}{statistics.median(timings):>9.1f}{timings[-1]:>9.1f}"
        f"{timings[-1]:>9.1f}{found:>18}   (bestuurder, a word in all {items:,} items)"
    )
    return figures


if __name__ == "__main__":
    from . import env

    env.setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    run()
