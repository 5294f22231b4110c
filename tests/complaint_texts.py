"""Generated Dutch complaint texts of a training company, each with its subject(s).

Used by the subject-suggestion tests and by bench/suggestions.py. Sentences are assembled
from varied parts (openings, one to three complaint sentences per subject, context and
closing phrases); about one in five complaints has two subjects, and some sentences are
noise that says nothing about the subject. Deterministic for a given seed.
"""

import random
import re
from dataclasses import dataclass

SUBJECTS = (
    "Planning en roosters",
    "Kwaliteit trainer",
    "Facturering",
    "Lesmateriaal",
    "Locatie en catering",
    "Communicatie",
)

TRAININGS = (
    "Timemanagement",
    "Leidinggeven",
    "Excel voor gevorderden",
    "Projectmatig werken",
    "Effectief communiceren",
    "Agile werken",
    "Presentatietechnieken",
    "Omgaan met agressie",
    "Verandermanagement",
)
PLACES = ("Amersfoort", "Utrecht", "Zwolle", "Eindhoven", "Rotterdam", "Den Bosch", "Arnhem")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "september", "oktober")
DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")

# "{a|b|c}" picks one of the alternatives; "{training}" and friends are filled in.
PHRASES: dict[str, tuple[str, ...]] = {
    "Planning en roosters": (
        "De {training|cursus|sessie} werd {twee dagen|een week|een dag} van tevoren verplaatst {zonder overleg|zonder uitleg|}.",
        "Het {rooster|programma} klopte niet: de tweede lesdag viel {samen met een feestdag|in de meivakantie}.",
        "De {sessie|bijeenkomst|lesdag} van {day} is {zonder reden|op het laatste moment} {geannuleerd|afgezegd}.",
        "We kregen {drie keer|opnieuw|alweer} een nieuwe datum, dat is voor {onze medewerkers|ons team} onwerkbaar.",
        "De lesdagen lagen zo ver uit elkaar dat de samenhang verloren ging.",
        "Het programma begon {een uur|veel} later dan gepland en liep {flink|een uur} uit.",
        "De {planning|indeling} werd steeds gewijzigd; niemand wist meer wanneer de volgende {bijeenkomst|les} was.",
        "Onze groep was dubbel ingepland met een andere groep.",
        "Na de {annulering|afzegging} duurde het {maanden|weken} voor er een {vervangende|nieuwe} datum kwam.",
        "De terugkomdag is {zonder bericht|ongevraagd} uit het rooster gehaald.",
        "De starttijd in de {agenda-uitnodiging|kalender} verschilde van die in het programma.",
        "Het inhaalmoment werd gepland {in de zomervakantie|op een zaterdag}.",
    ),
    "Kwaliteit trainer": (
        "De {trainer|docent|cursusleider} was slecht voorbereid en las vooral voor van de {dia's|sheets}.",
        "De {docent|trainer} had weinig kennis van {onze sector|het onderwerp|de stof}.",
        "De {trainer|docent} reageerde {neerbuigend|geirriteerd} op vragen van deelnemers.",
        "De begeleiding was onder de maat; {oefeningen|opdrachten} werden niet nabesproken.",
        "De {trainer|docent} kwam meerdere keren te laat en vertrok eerder.",
        "Er werd nauwelijks ingegaan op onze praktijkvoorbeelden; de {trainer|docent} hield een monoloog.",
        "De vervangende {trainer|docent} kende de inhoud van de {cursus|training} niet.",
        "De {docent|trainer} maakte ongepaste {grappen|opmerkingen} over deelnemers.",
        "De {trainer|cursusleider} was didactisch zwak en liet de groep het zelf uitzoeken.",
        "Feedback van de {trainer|coach} was vaag en niet bruikbaar.",
        "De {coach|trainer} luisterde niet en gaf steeds hetzelfde standaardadvies.",
        "Het niveau van de {trainer|docent} paste niet bij een {cursus|training} voor gevorderden.",
    ),
    "Facturering": (
        "De {factuur|rekening} is hoger dan de offerte die wij hebben getekend.",
        "We hebben twee keer een {factuur|rekening} ontvangen voor dezelfde {training|cursus}.",
        "Er staan kosten op de {rekening|factuur} voor deelnemers die zich hadden afgemeld.",
        "Het {factuurbedrag|bedrag op de factuur} klopt niet met het aantal deelnemers.",
        "De btw is verkeerd berekend.",
        "Na betaling kregen we toch een {aanmaning|herinnering} met incassokosten.",
        "De creditnota die ons {beloofd|toegezegd} was, is nooit gestuurd.",
        "De annuleringskosten zijn in rekening gebracht terwijl de training door jullie werd afgezegd.",
        "Op de factuur ontbreekt ons {inkoopordernummer|PO-nummer}, waardoor wij niet kunnen betalen.",
        "Reiskosten van de trainer zijn {gefactureerd|doorberekend} zonder dat dit was afgesproken.",
        "Het bedrag is twee keer van onze rekening afgeschreven.",
        "De korting uit de offerte is niet verrekend.",
    ),
    "Lesmateriaal": (
        "Het {lesmateriaal|cursusmateriaal} was verouderd en verwees naar software van jaren geleden.",
        "De {werkboeken|readers|boeken} kwamen pas na de eerste lesdag binnen.",
        "Het {cursusboek|werkboek} zat vol spelfouten en ontbrekende pagina's.",
        "De {oefenbestanden|bijlagen} waren niet te openen.",
        "De digitale leeromgeving werkte niet, dus we konden de {opdrachten|oefeningen} niet inzien.",
        "De hand-outs kwamen niet overeen met de presentatie.",
        "De {readers|kopieen} waren onleesbaar.",
        "Er was te weinig {materiaal|werkboeken} voor alle deelnemers.",
        "De {e-learningmodule|online module} bleef vastlopen bij de toets.",
        "De syllabus was in het Engels terwijl een Nederlandstalige versie was toegezegd.",
        "De casussen in het {lesboek|werkboek} sloten niet aan bij de praktijk.",
        "Het inlogaccount voor het online lesplatform werd nooit geactiveerd.",
    ),
    "Locatie en catering": (
        "De zaal was veel te klein voor de groep en er was geen ventilatie.",
        "De lunch was {karig|koud|matig} en er was geen rekening gehouden met {vegetariers|dieetwensen}.",
        "De locatie was slecht bereikbaar met het openbaar vervoer.",
        "Het parkeren bij de {locatie|accommodatie} kostte ons onverwacht veel geld.",
        "De beamer in het {lokaal|zaaltje} werkte niet.",
        "Het was koud in het {zaaltje|lokaal}, de verwarming stond uit.",
        "De koffie was op voordat de pauze begon.",
        "Er was geen rolstoeltoegankelijke ingang, hoewel we dat hadden gevraagd.",
        "Het gebouw in {place} was bij aankomst nog dicht.",
        "{Allergieen|Dieetwensen} die we hadden doorgegeven werden genegeerd bij {het diner|de lunch}.",
        "Door {bouwlawaai|lawaai} naast het lokaal was de trainer nauwelijks te verstaan.",
        "De {accommodatie|locatie} had geen wifi, terwijl de oefeningen online waren.",
    ),
    "Communicatie": (
        "Op onze {e-mails|berichten} werd {wekenlang|lange tijd} niet gereageerd.",
        "We werden niet {geinformeerd|op de hoogte gesteld} over de wijziging.",
        "De klantenservice was telefonisch onbereikbaar.",
        "De bevestiging van de inschrijving is nooit verstuurd.",
        "Niemand kon ons vertellen wie ons aanspreekpunt was.",
        "Toezeggingen van de accountmanager werden niet nagekomen.",
        "De informatie op de website was tegenstrijdig met wat ons per mail werd verteld.",
        "Ik werd steeds doorverbonden en moest mijn verhaal telkens opnieuw doen.",
        "Er werd niet teruggebeld, ondanks {drie|herhaalde} verzoeken.",
        "De uitnodiging met praktische informatie kwam een dag van tevoren.",
        "Onze vragen over {het programma|de inhoud} bleven onbeantwoord.",
        "Het contact met jullie kantoor verliep stroef en onvriendelijk.",
    ),
}

OPENINGS = (
    "Geachte heer, mevrouw,",
    "Beste klachtenfunctionaris,",
    "Hierbij dien ik een klacht in.",
    "Namens ons team wil ik het volgende melden.",
    "Ik ben zeer ontevreden over de training {training}.",
    "Graag wil ik een klacht indienen over de cursus {training} in {place}.",
    "Wij hebben in {month} de training {training} gevolgd.",
    "",
    "",
)
NOISE = (
    "Ik heb hierover al eerder gemaild.",
    "De trainer deed verder zijn best.",
    "Over de factuur hebben we geen klachten.",
    "De locatie was verder prima.",
    "De overige deelnemers waren het met mij eens.",
    "Dit is niet de eerste keer.",
    "We werken al jaren met jullie samen.",
    "Ik heb dit eerder mondeling aangegeven.",
    "Ik verwacht een serieuze reactie.",
    "Het ging om een groep van {n} medewerkers.",
    "De training zelf was verder prima.",
    "Mijn leidinggevende is hiervan op de hoogte.",
)
CLOSINGS = (
    "Ik hoor graag hoe u dit gaat oplossen.",
    "Graag een reactie binnen twee weken.",
    "Met vriendelijke groet,",
    "Ik verwacht een passende compensatie.",
    "Wij overwegen de samenwerking te beeindigen.",
    "",
)


@dataclass(frozen=True)
class Example:
    text: str
    subjects: tuple[str, ...]
    engagement: str


def _fill(sentence: str, rng: random.Random) -> str:
    sentence = re.sub(
        r"\{([^{}]*\|[^{}]*)\}", lambda m: rng.choice(m.group(1).split("|")), sentence
    )
    sentence = " ".join(sentence.split()).replace(" .", ".")
    return sentence.format(
        training=rng.choice(TRAININGS),
        place=rng.choice(PLACES),
        month=rng.choice(MONTHS),
        day=rng.choice(DAYS),
        n=rng.randint(4, 16),
    )


def _one(rng: random.Random, subjects: tuple[str, ...]) -> Example:
    parts = [rng.choice(OPENINGS)]
    for subject in subjects:
        parts += rng.sample(PHRASES[subject], rng.randint(1, 3 if len(subjects) == 1 else 2))
    for _ in range(rng.choice((0, 1, 1, 2))):
        parts.insert(rng.randint(1, len(parts)), rng.choice(NOISE))
    parts.append(rng.choice(CLOSINGS))
    text = " ".join(_fill(p, rng) for p in parts if p)
    engagement = f"{rng.choice(TRAININGS)}, {rng.choice(MONTHS)}, {rng.choice(PLACES)}"
    return Example(text=text, subjects=subjects, engagement=engagement)


def examples(
    count: int,
    *,
    subjects: tuple[str, ...] = SUBJECTS,
    seed: int = 8,
    two_subjects: float = 0.2,
    mislabelled: float = 0.05,
) -> list[Example]:
    """`count` complaints over `subjects`, each subject about equally often; a share
    `mislabelled` carries another subject than the text says (officers disagree too)."""
    rng = random.Random(seed)
    result = []
    for i in range(count):
        first = subjects[i % len(subjects)]
        chosen = (first,)
        if len(subjects) > 1 and rng.random() < two_subjects:
            chosen += (rng.choice([s for s in subjects if s != first]),)
        example = _one(rng, chosen)
        if len(subjects) > 1 and rng.random() < mislabelled:
            other = rng.choice([s for s in subjects if s not in chosen])
            example = Example(example.text, (other, *chosen[1:]), example.engagement)
        result.append(example)
    rng.shuffle(result)
    return result
