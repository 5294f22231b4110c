"""The demo organisation: Interactie, a training company (the regulation's first customer)."""

ORGANISATION = {
    "name": "Interactie",
    "slug": "interactie",
    "website": "https://www.interactietrainingen.nl",
    "contact_email": "klachten@interactietrainingen.nl",
    "term_days": 28,
}

# username, first name, last name, roles
USERS = [
    ("amber", "Amber", "Veldman", {"is_officer": True}),
    ("bram", "Bram", "Jansen", {"is_officer": True}),
    ("sanne", "Sanne", "de Vries", {}),
    ("pieter", "Pieter", "Bakker", {}),
    ("lotte", "Lotte", "Smit", {}),
    ("henk", "Henk", "Visser", {"is_board": True}),
    ("fatima", "Fatima", "El Amrani", {"is_org_admin": True, "is_employee": False}),
]
ROLE_LABELS = {
    "amber": "klachtenfunctionaris (standaard)",
    "bram": "klachtenfunctionaris",
    "sanne": "trainer",
    "pieter": "trainer",
    "lotte": "planner",
    "henk": "directie",
    "fatima": "beheerder",
}

SUBJECTS = [
    "Planning en organisatie",
    "Trainer",
    "Lesmateriaal",
    "Locatie en faciliteiten",
    "Facturatie",
    "Communicatie",
]

# the cause categories recorded when a complaint ends.
CAUSES = [
    "Communicatie",
    "Planning",
    "Kwaliteit van de uitvoering",
    "Facturering",
    "Verwachtingen niet afgestemd",
    "Externe oorzaak",
]

CLIENTS = [
    ("Gemeente Utrecht", "inkoop@utrecht.example"),
    ("Zorggroep Noord", "opleidingen@zorggroepnoord.example"),
    ("Bakkerij Van Dam", "info@bakkerijvandam.example"),
    ("J. de Boer", "j.deboer@example.org"),
    ("Stichting Welzijn Oost", "secretariaat@welzijnoost.example"),
]

# reference, client index, title, days ago it started
ENGAGEMENTS = [
    ("OPD-2026-001", 0, "Training Assertiviteit (in-company)", 120),
    ("OPD-2026-002", 1, "Coachingtraject leidinggevenden", 90),
    ("OPD-2026-003", 1, "Training Omgaan met agressie", 60),
    ("OPD-2026-004", 2, "Workshop Feedback geven", 45),
    ("OPD-2026-005", 3, "Individuele loopbaancoaching", 75),
    ("OPD-2026-006", 4, "Training Effectief vergaderen", 30),
    ("OPD-2026-007", 0, "Teamtraining Samenwerken", 20),
]

# Each complaint: days ago received, how it came in, who files it, and what happens next.
COMPLAINTS = [
    {
        "days_ago": 2,
        "name": "Marieke Jonker",
        "email": "marieke.jonker@example.org",
        "engagement": "OPD-2026-006",
        "concerns": ["performance"],
        "description": "De training begon een uur te laat en er was geen koffie. Niemand liet weten waarom.",
        "desired_outcome": "Een verklaring en een extra halve dag training.",
    },
    {
        "days_ago": 10,
        "name": "Ahmed Benali",
        "email": "a.benali@example.org",
        "engagement": "OPD-2026-004",
        "concerns": ["quality", "conduct"],
        "respondent": "pieter",
        "description": "De trainer maakte tijdens de workshop denigrerende opmerkingen over deelnemers.",
        "start": True,
        "subjects": ["Trainer"],
        "note": "Pieter gebeld; hij geeft morgen zijn kant van het verhaal.",
    },
    {
        "days_ago": 35,
        "name": "Gemeente Utrecht, afd. Inkoop",
        "email": "inkoop@utrecht.example",
        "engagement": "OPD-2026-001",
        "concerns": ["invoice"],
        "description": "Op factuur F2026-0113 zijn twaalf deelnemers gerekend; er waren er negen.",
        "start": True,
        "subjects": ["Facturatie"],
    },
    {
        "days_ago": 25,
        "name": "Yvonne Kramer",
        "email": "yvonne.kramer@example.org",
        "engagement": "OPD-2026-003",
        "concerns": ["quality"],
        "respondent": "sanne",
        "description": "Het lesmateriaal was verouderd: de wetgeving erin klopt niet meer.",
        "start": True,
        "stage": "hearing",
        "subjects": ["Lesmateriaal", "Trainer"],
        # the term is extended, with reasons, in writing.
        "extend": "Het nieuwe lesmateriaal wordt nagekeken door een jurist; dat duurt twee weken.",
    },
    {
        "days_ago": 6,
        "name": "Kees de Wit",
        "email": "kees.dewit@example.org",
        "engagement": "OPD-2026-002",
        "concerns": ["conduct"],
        "respondent": "amber",
        "description": "Mijn eerdere klacht is door mevrouw Veldman niet serieus genomen en nooit beantwoord.",
    },
    {
        "days_ago": 5,
        "name": "Bakkerij Van Dam",
        "email": "info@bakkerijvandam.example",
        "engagement": "OPD-2026-004",
        "concerns": ["forming"],
        "channel": "letter",
        "officer": "bram",
        "description": "Brief: de offerte noemde vier sessies, de opdrachtbevestiging drie.",
        "subjects": ["Communicatie"],
    },
    {
        "days_ago": 8,
        "name": "J. de Boer",
        "email": "j.deboer@example.org",
        "engagement": "OPD-2026-005",
        "concerns": ["performance"],
        "channel": "email",
        "officer": "amber",
        "respondent": "lotte",
        "description": "E-mail: drie coachingsessies zijn op het laatste moment verzet.",
        "start": True,
        "stage": "judged",
        "subjects": ["Planning en organisatie"],
    },
    {
        "days_ago": 14,
        "name": "Ria Hoekstra",
        "email": "r.hoekstra@example.org",
        "representative": "Zorggroep Noord",
        "engagement": "OPD-2026-002",
        "concerns": ["performance", "invoice"],
        "description": "Namens Zorggroep Noord: de coach kwam twee keer niet opdagen, maar beide sessies zijn gefactureerd.",
        "start": True,
        "stage": "resolved",
        "subjects": ["Planning en organisatie", "Facturatie"],
    },
    {
        "days_ago": 3,
        "name": "Tom Verbeek",
        "email": "tom.verbeek@example.org",
        "engagement_description": "Open training Timemanagement, maart, Amersfoort",
        "concerns": ["quality"],
        "description": "De locatie was veel te klein voor twintig deelnemers en de beamer werkte niet.",
    },
    {
        "days_ago": 1,
        "name": "Linda Mulder",
        "email": "linda.mulder@example.org",
        "engagement": "OPD-2026-007",
        "concerns": ["performance"],
        "channel": "api",
        "description": "Via het klantportaal: de tweede trainingsdag is zonder overleg geschrapt.",
    },
    {
        "days_ago": 12,
        "name": "Sarah Thompson",
        "email": "s.thompson@example.com",
        "engagement": "OPD-2026-001",
        "concerns": ["conduct"],
        "respondent": "sanne",
        "language": "en",
        "description": "The trainer switched to Dutch for most of the day although the course was booked in English.",
        "start": True,
        "subjects": ["Trainer", "Communicatie"],
    },
    {
        "days_ago": 31,
        "name": "Peter Smeets",
        "email": "p.smeets@example.org",
        "engagement": "OPD-2026-006",
        "concerns": ["forming", "invoice"],
        "description": "Er is annuleringskosten in rekening gebracht terwijl ik binnen de termijn annuleerde.",
        "start": True,
        "stage": "referred",
        "subjects": ["Facturatie"],
    },
]
