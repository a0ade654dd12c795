"""Dutch demo texts of knowledge, per sector: (role, visibility, publish?, fields)."""

from lerend.organisations.models import Role

ENTRIES = {
    "childcare": [
        (
            Role.MEDEWERKER,
            "team",
            True,
            {
                "title": "Rustig overgaan van spelen naar opruimen",
                "context": "Bij het opruimen werd de groep onrustig en moesten we vaak roepen.",
                "approach": "Vijf minuten vooraf aankondigen met de zandloper en een vast liedje.",
                "result": "Na twee weken ruimen de peuters zelf op; minder stemverheffing.",
                "learned": "Voorspelbaarheid helpt meer dan aansporen. De betrokkenheid van de "
                "kinderen steeg toen ze zelf de zandloper mochten omdraaien.",
                "evidence": "Drie observaties met de betrokkenheidsschaal, voor en na.",
                "building_blocks": ["pedagogisch-professionals"],
                "review_in": -1,
            },
        ),
        (
            Role.TEAMLEIDER,
            "organisation",
            True,
            {
                "title": "VVE-activiteiten samen voorbereiden met de pm'ers",
                "context": "De VE-thema's werden per groep los voorbereid.",
                "approach": "Elke maand een half uur samen voorbereiden, met één pedagogisch "
                "medewerker die het thema trekt.",
                "result": "Meer ideeën per thema; de kinderen herkennen het thema op alle groepen.",
                "learned": "Samen voorbereiden kost weinig tijd en levert veel ideeën op.",
                "building_blocks": ["team", "professionalisering"],
            },
        ),
        (
            Role.MEDEWERKER,
            "team",
            False,
            {
                "title": "Buitenspelen bij regen (concept)",
                "learned": "Regenpakken bij de deur: dan gaan we echt elke dag naar buiten.",
            },
        ),
    ],
    "school": [
        (
            Role.MEDEWERKER,
            "team",
            True,
            {
                "title": "Coöperatief leren bij rekenen in groep 5",
                "context": "De instructie duurde lang en de betrokkenheid zakte halverwege.",
                "approach": "Korte instructie, daarna in tweetallen uitleggen aan elkaar.",
                "result": "Meer leerlingen aan het woord; de toetsresultaten bleven gelijk.",
                "learned": "Uitleggen aan een ander helpt vooral de zwakkere rekenaars. Houd "
                "de tweetallen een hele periode vast.",
                "evidence": "Collegiale consultatie door de IB'er, twee keer.",
                "building_blocks": ["pedagogisch-professionals"],
                "review_in": -1,
            },
        ),
        (
            Role.TEAMLEIDER,
            "organisation",
            True,
            {
                "title": "Een PLG over feedback geven",
                "context": "Feedback geven bleef bij goede voornemens.",
                "approach": "Een professionele leergemeenschap van zes leraren, elke zes weken.",
                "result": "Iedere leraar probeerde twee werkvormen uit en deelde video.",
                "learned": "Een vaste groep en een vast ritme maken het verschil; de intern "
                "begeleider als vaste gast hielp om het vol te houden.",
                "building_blocks": ["team", "professionalisering"],
            },
        ),
        (
            Role.MEDEWERKER,
            "team",
            False,
            {
                "title": "Leesmotivatie in groep 7 (concept)",
                "learned": "Zelf boeken laten kiezen werkt beter dan een leeslijst.",
            },
        ),
    ],
}

EXPERTISE = {
    "childcare": {
        Role.MEDEWERKER: (
            "Rustige overgangsmomenten op de groep, werken met de zandloper en liedjes.",
            ["pedagogisch-professionals"],
        ),
        Role.COACH: (
            "Video-interactiebegeleiding en het voorbereiden van VE-activiteiten.",
            ["coaching", "professionalisering"],
        ),
    },
    "school": {
        Role.MEDEWERKER: (
            "Coöperatieve werkvormen bij rekenen en tweetallen die blijven werken.",
            ["pedagogisch-professionals"],
        ),
        Role.COACH: (
            "Startende leraren begeleiden en feedback geven na een lesbezoek.",
            ["coaching", "professionalisering"],
        ),
    },
}
