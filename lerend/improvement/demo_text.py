"""Dutch texts of the improvement demo content, per sector. Made-up organisations."""

CHILDCARE = {
    "mission": "Wij bieden kinderen van 0 tot 13 jaar een veilige, warme plek waar ze spelen, "
    "ontdekken en samen leren. Ouders kunnen op ons bouwen, elke dag opnieuw.",
    "vision": "Kinderen ontwikkelen zich het best als ze zich gezien voelen. Onze pedagogisch "
    "medewerkers kijken goed, sluiten aan bij wat een kind nodig heeft en leren zelf "
    "ook elke dag: van elkaar, van de kinderen en van de ouders. Zo groeien we als "
    "organisatie mee met de kinderen.",
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
}

SCHOOL = {
    "mission": "Op onze scholen leren kinderen wie ze zijn en wat ze kunnen. We geven goed "
    "onderwijs dat uitdaagt, en we doen dat samen met ouders en partners in de wijk.",
    "vision": "Goed onderwijs ontstaat waar leraren blijven leren. Onze teams werken als "
    "professionele leergemeenschap: ze onderzoeken hun eigen lessen, geven elkaar "
    "feedback en gebruiken gegevens om beter te worden. Leiders geven daar ruimte "
    "en richting aan.",
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
}
