"""Word lists for demo people and places.

Names are combined at random (seeded) from separate lists of first names, surname prefixes
and surnames, so every demo person is made up; no list holds a real person's full name.
Place and street names are ordinary Dutch words and towns, as an address would read.
"""

FIRST_NAMES = [
    "Anna", "Sanne", "Lotte", "Eva", "Fleur", "Iris", "Noor", "Julia", "Lisa", "Femke",
    "Maaike", "Marloes", "Esther", "Ilse", "Anouk", "Mirjam", "Ingrid", "Petra", "Karin",
    "Monique", "Wendy", "Linda", "Saskia", "Yvonne", "Nicole", "Sabine", "Hanneke", "Lieke",
    "Roos", "Tessa", "Janneke", "Marieke", "Eline", "Floor", "Merel", "Naomi", "Fatima",
    "Yasmina", "Samira", "Aylin", "Elif", "Priya", "Chantal", "Joyce", "Kim", "Nina",
    "Bram", "Daan", "Thijs", "Jeroen", "Mark", "Pieter", "Joost", "Ruben", "Sander", "Tim",
    "Wouter", "Niels", "Maarten", "Erik", "Hans", "Bas", "Koen", "Rik", "Luuk", "Jasper",
    "Stijn", "Gijs", "Martijn", "Frank", "Mohamed", "Youssef", "Emre", "Kevin", "Dennis",
    "Vincent", "Arjen", "Hugo", "Tom", "Milan",
]  # fmt: skip

# Surnames without a prefix.
SURNAMES = [
    "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Peters", "Hendriks", "Dekker",
    "Brouwer", "Dijkstra", "Smits", "Kok", "Jacobs", "Vermeulen", "Willems", "Schouten",
    "Hoekstra", "Koster", "Prins", "Huisman", "Kuipers", "Veenstra", "Post", "Kramer",
    "Aydin", "Yilmaz", "Benali", "El Amrani", "Tahiri", "Ramdin", "Sedney", "Pinas", "Nguyen",
    "Kowalski", "Hoogland", "Timmer", "Wolters", "Jonker", "Bosman", "Verhoeven", "Postma",
    "Groen", "Evers", "Lammers", "Blom", "Maas", "Kuiper", "Vink", "Zwart", "Hofman",
    "Schipper", "Claassen", "Wijnands", "Boekhout", "Sterk",
]  # fmt: skip

# Surnames with a prefix ("tussenvoegsel"): each prefix only with stems it goes with, so that
# the combinations read as Dutch names do.
PREFIXED_SURNAMES = {
    "de": ["Vries", "Boer", "Graaf", "Wit", "Leeuw", "Jong", "Groot", "Lange", "Haan", "Ruiter",
           "Vos", "Bruin", "Kleijn", "Wilde"],
    "van": ["Dijk", "Beek", "Dam", "Leeuwen", "Wijk", "Vliet", "Rijn", "Es", "Loon", "Gils",
            "Ommen", "Zanten"],
    "van der": ["Linden", "Meer", "Heijden", "Wal", "Veen", "Velde", "Horst", "Laan", "Molen",
                "Steeg", "Zande", "Ploeg"],
    "van den": ["Berg", "Heuvel", "Bosch", "Brink", "Akker", "Hoek", "Broek", "Oever"],
    "van de": ["Kamp", "Pol", "Ven", "Water", "Weg", "Wetering"],
    "ter": ["Horst", "Beek", "Haar", "Steege", "Meulen"],
    "ten": ["Brink", "Cate", "Have", "Berge", "Hove"],
}  # fmt: skip
SURNAME_PREFIXES = list(PREFIXED_SURNAMES)
# About a third of Dutch surnames carry a prefix.
PREFIX_SHARE = 0.35

PLACES = [
    "Amersfoort", "Zwolle", "Deventer", "Apeldoorn", "Zeist", "Houten", "Nieuwegein",
    "Woerden", "Gouda", "Alphen aan den Rijn", "Leusden", "Harderwijk", "Ede", "Wageningen",
    "Veenendaal", "Barneveld", "Culemborg", "Tiel", "Zutphen", "Doetinchem", "Hengelo",
    "Almelo", "Meppel", "Kampen", "Assen", "Hoorn", "Purmerend", "Zaandam", "Haarlem",
    "Leiden", "Delft", "Dordrecht", "Breda", "Tilburg", "Oss", "Helmond", "Venlo", "Roermond",
    "Middelburg", "Goes", "Leeuwarden", "Sneek", "Drachten", "Emmen", "Lelystad", "Almere",
]  # fmt: skip

STREETS = [
    "Lindelaan", "Kastanjelaan", "Eikenlaan", "Beukenlaan", "Wilgenweg", "Berkenstraat",
    "Esdoornstraat", "Populierenweg", "Meidoornstraat", "Hazelaarlaan", "Vlierstraat",
    "Merelstraat", "Lijsterbesstraat", "Spechtstraat", "Zwaluwlaan", "Koolmeesweg",
    "Reigerstraat", "Ooievaarlaan", "Tulpstraat", "Narcissenstraat", "Irisstraat",
    "Zonnebloemstraat", "Klaprooslaan", "Korenbloemweg", "Molenweg", "Dorpsstraat",
    "Kerkstraat", "Schoolstraat", "Stationsweg", "Julianastraat", "Beatrixlaan",
    "Oranjestraat", "Parkweg", "Vijverlaan", "Dijkweg", "Slotlaan", "Havenstraat",
    "Marktplein", "Burgemeester Jansenlaan", "Plataanweg",
]  # fmt: skip

# Childcare locations: (kind, name, groups). Group names are unique across the organisation
# so that lists and filters never show two identical labels.
CHILDCARE_LOCATIONS = [
    (
        "kindercentrum",
        "Kindercentrum De Boomgaard",
        [
            "Babygroep De Egeltjes",
            "Dreumesgroep De Vosjes",
            "Peutergroep De Uiltjes",
            "Verticale groep De Dassen",
        ],
    ),
    (
        "kdv",
        "Kinderdagverblijf Het Klavertje",
        [
            "Babygroep De Muisjes",
            "Dreumesgroep De Eekhoorntjes",
            "Peutergroep De Kikkers",
            "Verticale groep De Vlinders",
        ],
    ),
    (
        "bso",
        "BSO De Vliegeraar",
        [
            "BSO 4-6 De Avonturiers",
            "BSO 6-8 De Ontdekkers",
            "BSO 8-10 De Bouwers",
            "BSO 10-12 De Uitvinders",
        ],
    ),
    (
        "kindercentrum",
        "Kindercentrum De Wilgenhoek",
        [
            "Babygroep De Lammetjes",
            "Peutergroep De Kuikens",
            "Peutergroep De Konijntjes",
            "BSO-groep De Speurneuzen",
        ],
    ),
]

SCHOOLS = [
    "Basisschool De Kompasroos",
    "Daltonschool De Windwijzer",
    "Montessorischool De Poolster",
]

SCHOOL_TEAMS = [
    ("bouw", "Onderbouw (groep 1-2)"),
    ("bouw", "Middenbouw (groep 3-5)"),
    ("bouw", "Bovenbouw (groep 6-8)"),
    ("team", "Ondersteuningsteam"),
]

# Team names for the scale organisation: an animal or tree per team, numbered.
SCALE_TEAM_WORDS = [
    "Egels", "Vossen", "Uilen", "Dassen", "Reigers", "Otters", "Bevers", "Merels", "Spechten",
    "Zwaluwen", "Eiken", "Linden", "Wilgen", "Berken", "Essen", "Beuken", "Lijsters", "Hazen",
]  # fmt: skip
