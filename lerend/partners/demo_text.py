"""Dutch demo texts of partners (source material, not UI strings)."""

PARTNERS = {
    "childcare": [
        {
            "name": "Basisschool De Horizon",
            "kind": "primary_school",
            "place": "Utrecht",
            "description": (
                "Doorgaande lijn naar groep 1: warme overdracht en samen spelen in de kleutergroep."
            ),
            "contacts": [("Marieke de Vries", "intern begeleider", "ib@horizon.example")],
            "agreement": (
                "Convenant doorgaande lijn VVE",
                "covenant",
                "Twee keer per jaar warme overdracht; jaarlijks gezamenlijke studiemiddag.",
            ),
            "activities": [
                (
                    "handover",
                    "Warme overdracht voorjaar",
                    (
                        "Overdracht besproken per groep; geleerd: de observaties in de "
                        "overdracht sluiten beter aan als we dezelfde taal gebruiken."
                    ),
                ),
                (
                    "training",
                    "Gezamenlijke studiemiddag taalontwikkeling",
                    "Met de kleuterleerkrachten de interactievaardigheden geoefend.",
                ),
            ],
        },
        {
            "name": "JGZ Consultatiebureau Oost",
            "kind": "jgz",
            "place": "Utrecht",
            "description": "Signalering en toeleiding naar VVE.",
            "contacts": [("Fatima El Amrani", "jeugdverpleegkundige", "jgz@example.org")],
            "agreement": (
                "Werkafspraken toeleiding VVE",
                "arrangement",
                "Verwijzing en terugkoppeling binnen twee weken.",
            ),
            "activities": [
                (
                    "meeting",
                    "Periodiek overleg toeleiding",
                    "Afgesproken hoe we ouders samen informeren.",
                )
            ],
        },
        {
            "name": "ROC Midden Nederland",
            "kind": "education",
            "place": "Utrecht",
            "description": "Stageplaatsen voor de opleiding pedagogisch medewerker.",
            "contacts": [("Jeroen Bakker", "stagecoördinator", "stage@roc.example")],
            "agreement": None,
            "activities": [
                (
                    "internship",
                    "Stageplaatsen schooljaar",
                    "Vier stagiairs; praktijkopleider per locatie.",
                )
            ],
        },
    ],
    "school": [
        {
            "name": "Samenwerkingsverband Passend Onderwijs Regio",
            "kind": "swv",
            "place": "Amersfoort",
            "description": "Ondersteuningsplan, arrangementen en de orthopedagoog op afroep.",
            "contacts": [("Anouk Peters", "consulent passend onderwijs", "consulent@swv.example")],
            "agreement": (
                "Ondersteuningsplan",
                "agreement",
                "Basisondersteuning en arrangementen; jaarlijkse evaluatie.",
            ),
            "activities": [
                (
                    "meeting",
                    "Ondersteuningsoverleg",
                    "Samen met het wijkteam de route voor extra ondersteuning helder gemaakt.",
                )
            ],
        },
        {
            "name": "Hogeschool Utrecht — Pabo",
            "kind": "education",
            "place": "Utrecht",
            "description": "Opleidingsschool: LIO-stages en praktijkonderzoek.",
            "contacts": [("Sander Visser", "opleider in de school", "pabo@hu.example")],
            "agreement": (
                "Convenant opleiden in de school",
                "covenant",
                "Stageplaatsen en gezamenlijk praktijkonderzoek.",
            ),
            "activities": [
                (
                    "research",
                    "Praktijkonderzoek feedback in de klas",
                    (
                        "Studenten en leerkrachten onderzochten samen hoe feedback het "
                        "leren zichtbaar maakt."
                    ),
                ),
                ("internship", "LIO-stages", "Drie LIO-studenten op twee scholen."),
            ],
        },
        {
            "name": "Wijkteam Centrum",
            "kind": "wijkteam",
            "place": "Amersfoort",
            "description": "Snel schakelen bij zorgen over thuis.",
            "contacts": [("Yusuf Demir", "wijkteammedewerker", "wijkteam@example.org")],
            "agreement": None,
            "activities": [
                (
                    "meeting",
                    "Spreekuur op school",
                    "Eens per maand een inloopspreekuur voor ouders.",
                )
            ],
        },
    ],
}
