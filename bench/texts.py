"""Dutch complaint texts for the benchmark's data (the peer's tickets and, until the data
generator is there, our fallback complaints): the same vocabulary on both sides, so a
search for a common word ("factuur") finds a comparable share of rows."""

import random

TRAININGS = [
    "Excel voor gevorderden", "Projectmanagement", "Scrum Master", "Python basis",
    "Timemanagement", "Leidinggeven in de praktijk", "Agile werken", "BHV herhaling",
    "Presentatietechnieken", "Zakelijk schrijven", "Power BI", "Klantgericht werken",
]  # fmt: skip
TRAINERS = [
    "Marieke de Boer", "Henk Smit", "Joost Mulder", "Lotte Meijer", "Ahmed Yilmaz",
    "Esther van Dijk", "Bram de Graaf", "Sophie Hendriks", "Kees Dekker", "Noor Bos",
]  # fmt: skip
CITIES = ["Utrecht", "Amsterdam", "Rotterdam", "Eindhoven", "Zwolle", "Groningen", "online"]
TITLES = [
    "Factuur {nr} klopt niet", "Dubbel gefactureerd voor {training}",
    "Training {training} op het laatste moment geannuleerd", "Klacht over trainer {trainer}",
    "Trainer {trainer} was te laat", "Lesmateriaal {training} niet ontvangen",
    "Certificaat {training} nog niet binnen", "Locatie {city} slecht bereikbaar",
    "Annulering {training} niet verwerkt", "Betaling niet verwerkt, aanmaning ontvangen",
    "Verkeerde btw op factuur {nr}", "Niveau van {training} te laag",
    "Onvriendelijke behandeling door {trainer}", "Geen reactie op eerdere klacht",
]  # fmt: skip
SENTENCES = [
    "Ik heb de training {training} gevolgd in {city}.",
    "De factuur met nummer {nr} bevat een bedrag van {amount} euro terwijl we minder hadden afgesproken.",
    "Trainer {trainer} kwam een half uur te laat en begon zonder uitleg.",
    "Het lesmateriaal was verouderd en paste niet bij de inhoud van de training.",
    "Ik heb al twee keer gebeld maar niemand heeft mij teruggebeld.",
    "Graag ontvang ik een creditnota en een nieuwe factuur.",
    "De annulering is niet verwerkt terwijl de training door jullie is verplaatst.",
    "Mijn collega's hebben dezelfde klacht over de organisatie.",
    "De locatie in {city} was slecht bereikbaar en er was geen parkeerplaats.",
    "Het certificaat is na zes weken nog steeds niet verstuurd.",
    "Ik verwacht binnen vijf werkdagen een reactie.",
    "Het niveau lag veel lager dan in de brochure werd beloofd.",
    "De e-learning geeft steeds een foutmelding bij het inloggen.",
    "Ik ben niet tevreden over de manier waarop mijn vraag is afgehandeld.",
    "Wilt u de betaling van factuur {nr} controleren? Wij hebben al betaald.",
    "De catering was onvoldoende voor een hele dag training.",
]  # fmt: skip
COMMON_WORD = "factuur"


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        nr=f"F{rng.randrange(2023000, 2026999)}",
        training=rng.choice(TRAININGS),
        trainer=rng.choice(TRAINERS),
        city=rng.choice(CITIES),
        amount=rng.randrange(95, 2500),
    )


def title(rng: random.Random) -> str:
    return _fill(rng.choice(TITLES), rng)


def description(rng: random.Random) -> str:
    return " ".join(_fill(s, rng) for s in rng.sample(SENTENCES, rng.randint(2, 5)))
