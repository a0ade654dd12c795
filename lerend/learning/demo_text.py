"""Dutch texts of the learning demo content, per sector. Made-up organisations."""

CHILDCARE = {
    "journal": [
        (
            "Onrust bij het brengen",
            "Vanochtend liep het brengen weer uit de hand: drie ouders tegelijk met vragen "
            "en Mila huilde lang. Ik merkte dat ik me haastte en daardoor minder aandacht "
            "had voor de kinderen die al binnen waren.",
            "looking_back",
            ["pedagogisch-professionals"],
        ),
        (
            "Wat maakt het verschil?",
            "Als ik rustig blijf en eerst het kind begroet, gaat het afscheid sneller. "
            "Misschien kunnen we ouders vragen om bij de deur afscheid te nemen.",
            "awareness",
            ["partnerschap-ouders", "pedagogisch-professionals"],
        ),
        (
            "Uitgeprobeerd: afscheid bij de deur",
            "Deze week geprobeerd met twee ouders. Het werkte: minder drukte in de groep. "
            "Volgende week bespreken in de bordsessie.",
            "trial",
            ["team"],
        ),
    ],
    "pop_goals": [
        (
            "Ik begeleid het brengmoment rustiger",
            "Ik wil meer aandacht hebben voor elk kind bij binnenkomst.",
            ["pedagogisch-professionals"],
        ),
        (
            "Ik leer beter observeren met de observatielijst",
            "Zodat ik ouders gerichter kan vertellen hoe hun kind zich ontwikkelt.",
            ["monitoring-evaluatie", "partnerschap-ouders"],
        ),
    ],
    "activity": "Twee keer meekijken bij een collega tijdens het brengen",
    "evidence": (
        "Observatie van de ochtend",
        "Ik heb een week lang bijgehouden hoe het brengen verliep. Op de dagen dat ouders "
        "bij de deur afscheid namen, was de groep na tien minuten rustig.",
    ),
    "review_notes": (
        "We spraken af dat je je richt op het brengmoment en de observatielijst. De coach "
        "kijkt in maart een ochtend mee. Volgende afspraak: voortgangsgesprek in juni."
    ),
}

SCHOOL = {
    "journal": [
        (
            "Instructie liep uit",
            "Mijn verlengde instructie bij rekenen liep vandaag weer uit, waardoor de "
            "zelfstandige werkers te lang wachtten. Ik merkte dat ik te veel zelf uitlegde.",
            "looking_back",
            ["pedagogisch-professionals"],
        ),
        (
            "Wat is hier eigenlijk aan de hand?",
            "Ik denk dat ik onvoldoende checkte of de leerlingen de uitleg begrepen. Door "
            "eerder te controleren kan ik korter instrueren.",
            "awareness",
            ["pedagogisch-professionals", "monitoring-evaluatie"],
        ),
        (
            "Wisbordjes geprobeerd",
            "Vandaag wisbordjes gebruikt om begrip te checken. Binnen een minuut zag ik "
            "wie nog hulp nodig had. De instructie duurde vijf minuten korter.",
            "trial",
            ["pedagogisch-professionals"],
        ),
    ],
    "pop_goals": [
        (
            "Ik geef kortere, scherpere instructie",
            "Zodat leerlingen meer tijd hebben om zelf te oefenen.",
            ["pedagogisch-professionals"],
        ),
        (
            "Ik gebruik toetsgegevens om mijn groepsplan bij te stellen",
            "Ik wil beter zien wat mijn leerlingen nodig hebben.",
            ["monitoring-evaluatie"],
        ),
    ],
    "activity": "Lesbezoek bij een collega uit de middenbouw, met kijkwijzer",
    "evidence": (
        "Lesvoorbereiding met checkmomenten",
        "In mijn voorbereiding staan nu na elke uitlegstap een checkvraag en wat ik doe "
        "als minder dan driekwart het goed heeft.",
    ),
    "review_notes": "We spraken af dat je werkt aan kortere instructie en het gebruik van "
    "toetsgegevens. In het voorjaar volgt een lesbezoek. Het voortgangsgesprek plannen "
    "we in mei.",
}
