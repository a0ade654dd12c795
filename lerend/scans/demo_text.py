"""Dutch texts of the scans demo content. Made-up organisations."""

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
