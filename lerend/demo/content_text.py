"""Dutch texts of the demo content, per sector. Written for the demo; made-up organisations."""

CHILDCARE = {
    "mission": (
        "Wij bieden kinderen van 0 tot 13 jaar een veilige, warme plek waar ze spelen, "
        "ontdekken en samen leren. Ouders kunnen op ons bouwen, elke dag opnieuw."
    ),
    "vision": (
        "Kinderen ontwikkelen zich het best als ze zich gezien voelen. Onze pedagogisch "
        "medewerkers kijken goed, sluiten aan bij wat een kind nodig heeft en leren zelf "
        "ook elke dag: van elkaar, van de kinderen en van de ouders. Zo groeien we als "
        "organisatie mee met de kinderen."
    ),
    "core_values": ["Veiligheid", "Nieuwsgierigheid", "Samen met ouders", "Plezier", "Eigenheid"],
    "goals": [
        {
            "title": "Elke groep werkt met een vaste reflectieroutine",
            "why": "We leren het meest van ons eigen werk als we er samen regelmatig op "
            "terugkijken.",
            "building_blocks": ["pedagogisch-professionals", "cultuur"],
            "core_value": "Nieuwsgierigheid",
            "indicator": "In elke groep bespreekt het team minstens één keer per maand een "
            "praktijksituatie; 80% van de medewerkers schrijft maandelijks in het logboek.",
        },
        {
            "title": "Ouders zijn zichtbaar betrokken bij het dagprogramma",
            "why": "Uit de scan bleek dat ouders zich nog te weinig gehoord voelen.",
            "building_blocks": ["partnerschap-ouders", "visie-missie-doelen"],
            "core_value": "Samen met ouders",
            "indicator": "Op elke locatie twee ouderavonden per jaar met een eigen thema; "
            "ouderscore op betrokkenheid stijgt met 0,3.",
        },
    ],
    "location_goal": {
        "title": "Meer ruimte voor spel en ontdekken buiten",
        "why": "Onze buitenruimte wordt te weinig als leeromgeving gebruikt.",
        "building_blocks": ["innovatie", "pedagogisch-professionals"],
        "indicator": "Elke groep gaat dagelijks minstens een uur naar buiten met een "
        "voorbereide activiteit.",
    },
    "team_goals": [
        ("Wekelijks een kort reflectiemoment bij de overdracht", ["cultuur", "team"]),
        ("Elke maand een buitenactiviteit die kinderen zelf kiezen", ["innovatie"]),
        ("Een ouderochtend per kwartaal in de groep", ["partnerschap-ouders"]),
    ],
    "actions": [
        "Reflectievragen op een kaartje bij de overdracht leggen",
        "Buitenkist aanvullen met loep, schepjes en zoekkaarten",
        "Ouders uitnodigen voor de ochtend over slapen en rust",
        "Observatie van de groep bespreken met de coach",
        "Dagritmekaarten vernieuwen",
        "Afspraken over het brengmoment op papier zetten",
        "Een collega uitnodigen om mee te kijken in de groep",
        "Nieuwsbrief voor ouders maken over het thema herfst",
    ],
    "successes": [
        "Het buitenspel in de regen was een groot succes!",
        "Nieuwe collega is goed ingewerkt dankzij het maatjessysteem.",
    ],
    "agreements": [
        "We starten de bordsessie op tijd, ook als niet iedereen er is.",
        "Bij ziekte bellen we vóór 7 uur de locatiemanager.",
    ],
    "problems": [
        "Het brengmoment is onrustig: te veel ouders tegelijk in de groep.",
        "De planning van de pauzes botst met het slaapritme van de baby's.",
    ],
    "place": "Teamruimte",
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
    "mission": (
        "Op onze scholen leren kinderen wie ze zijn en wat ze kunnen. We geven goed "
        "onderwijs dat uitdaagt, en we doen dat samen met ouders en partners in de wijk."
    ),
    "vision": (
        "Goed onderwijs ontstaat waar leraren blijven leren. Onze teams werken als "
        "professionele leergemeenschap: ze onderzoeken hun eigen lessen, geven elkaar "
        "feedback en gebruiken gegevens om beter te worden. Leiders geven daar ruimte "
        "en richting aan."
    ),
    "core_values": ["Vertrouwen", "Eigenaarschap", "Samen leren", "Ambitie"],
    "goals": [
        {
            "title": "Elk team werkt als professionele leergemeenschap",
            "why": "Leraren leren het meest van en met elkaar, rond hun eigen lessen.",
            "building_blocks": ["team", "cultuur"],
            "core_value": "Samen leren",
            "indicator": "Elk team heeft een vaste PLG-cyclus van zes weken; de score op "
            "'team' in de scan stijgt met 0,3.",
        },
        {
            "title": "Lessen sluiten beter aan bij verschillen tussen leerlingen",
            "why": "De resultaten laten zien dat sterke en zwakke rekenaars te weinig "
            "uitdaging krijgen.",
            "building_blocks": ["pedagogisch-professionals", "monitoring-evaluatie"],
            "core_value": "Ambitie",
            "indicator": "In 80% van de lesbezoeken zien we drie niveaus in de instructie.",
        },
    ],
    "location_goal": {
        "title": "Collegiale lesbezoeken in elke bouw",
        "why": "We willen meer van elkaars lessen zien en leren.",
        "building_blocks": ["professionalisering", "cultuur"],
        "indicator": "Elke leraar legt twee lesbezoeken per jaar af en ontvangt er twee.",
    },
    "team_goals": [
        ("Een PLG over feedback geven bij rekenen", ["team", "pedagogisch-professionals"]),
        ("Instructie in drie niveaus bij begrijpend lezen", ["pedagogisch-professionals"]),
        ("Lesbezoeken in duo's, met een kijkwijzer", ["professionalisering", "cultuur"]),
    ],
    "actions": [
        "Kijkwijzer voor lesbezoeken afspreken",
        "Rooster voor collegiale lesbezoeken maken",
        "Toetsgegevens rekenen samen analyseren",
        "Een artikel over feedback lezen en bespreken",
        "Instructietafel inrichten in groep 5",
        "Ouders informeren over het nieuwe rapport",
        "Leerlingen laten meedenken over de pleinregels",
        "Evaluatie van de themaweek plannen",
    ],
    "successes": [
        "Groep 6 heeft de rekentoets veel beter gemaakt dan vorig jaar!",
        "De eerste lesbezoeken in duo's leverden mooie gesprekken op.",
    ],
    "agreements": [
        "We bespreken lesbezoeken altijd binnen een week na.",
        "Nieuwe afspraken zetten we op het bord, niet alleen in de mail.",
    ],
    "problems": [
        "Er is te weinig tijd om samen lessen voor te bereiden.",
        "Invallers kennen de afspraken over instructie niet.",
    ],
    "place": "Personeelskamer",
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
    "review_notes": (
        "We spraken af dat je werkt aan kortere instructie en het gebruik van "
        "toetsgegevens. In het voorjaar volgt een lesbezoek. Het voortgangsgesprek plannen "
        "we in mei."
    ),
}

# Open comments in scans, per dimension (and general).
COMMENTS = {
    "cultuur": [
        "Ik durf niet altijd te zeggen wanneer iets niet goed gaat.",
        "Fouten maken mag hier, daar leer ik veel van.",
        "Er wordt soms over elkaar gepraat in plaats van met elkaar.",
    ],
    "innovatie": [
        "Nieuwe ideeën worden vaak enthousiast begonnen maar niet afgemaakt.",
        "Ik zou graag meer tijd krijgen om iets nieuws uit te proberen.",
    ],
    "team": [
        "Ons team helpt elkaar echt, ook als het druk is.",
        "We overleggen veel, maar besluiten weinig.",
    ],
    "professionalisering": [
        "De studiedagen sluiten niet altijd aan bij wat ik in de groep nodig heb.",
        "Fijn dat ik een cursus mocht kiezen die bij mijn doelen past.",
    ],
    "pedagogisch-leiderschap": [
        "Mijn leidinggevende vraagt regelmatig hoe het met me gaat, dat waardeer ik.",
        "Het is niet altijd duidelijk waarom bepaalde keuzes worden gemaakt.",
    ],
    "partnerschap-ouders": [
        "Ouders weten vaak niet goed wat we de kinderen willen leren.",
    ],
    None: [
        "Meer tijd om samen te leren zou helpen.",
        "Goed dat we deze vragenlijst invullen, ik ben benieuwd naar de uitkomsten.",
        "De werkdruk is hoog, daardoor schiet reflectie er vaak bij in.",
    ],
}

# What parents write in the parent questionnaire's open question.
PARENT_COMMENTS = [
    "Ik hoor graag vaker wat mijn kind die dag heeft gedaan, ook als het goed ging.",
    "Bij het ophalen is er weinig tijd om even te praten.",
    "Fijn dat de leiding altijd vraagt hoe het thuis gaat.",
    "De app met foto's is leuk, maar een kort gesprek zegt me meer.",
    "Betrek ouders eerder bij plannen voor de groep.",
]
