"""Dutch demo texts of networks (source material, not UI strings)."""

ROUNDS = {
    "childcare": {
        "title_before": "Wie leert van wie — voorjaar vorig jaar",
        "title_now": "Wie leert van wie — nameting",
        "purposes": [
            "een lastige situatie op de groep",
            "nieuwe ideeën voor activiteiten met de kinderen",
        ],
        "statement": (
            "We willen zien hoe kennis tussen groepen en locaties stroomt, zodat we leergroepen "
            "en bezoeken over en weer kunnen koppelen. We laten alleen totalen per groep zien, "
            "nooit namen; je antwoorden worden gewist als de ronde sluit."
        ),
    },
    "school": {
        "title_before": "Wie leert van wie — voorjaar vorig jaar",
        "title_now": "Wie leert van wie — nameting",
        "purposes": [
            "een vraag over een leerling of de groep",
            "ideeën voor je lessen en didactiek",
        ],
        "statement": (
            "We willen zien hoe kennis tussen teams en scholen stroomt, zodat we PLG's en "
            "collegiale bezoeken gericht kunnen koppelen. We laten alleen totalen per team zien, "
            "nooit namen; je antwoorden worden gewist als de ronde sluit."
        ),
    },
}
