"""Our default wording of the regulation, in Dutch and English (R-4.1).

Written for this system after the customer's published regulation: the same rules in
our own words. The values — the organisation, the officers, the term, the disputes body —
are never written here but are placeholders (`rules/placeholders.py`) filled from the
settings the workflow enforces, so text and workflow cannot differ.

These texts are data rather than gettext messages: an organisation replaces them per
article and per language (`ArticleText`), and a published version stores the text as
it was published. Body format (`formatting.py`): a blank line starts a new paragraph,
lines starting with "1." form a numbered list, lines starting with "-" a bulleted list.
"""

from .constants import Article

# article -> language -> (title, body)
DEFAULT_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    Article.INTRO: {
        "nl": (
            "Inleiding",
            "Wij doen ons best om het iedereen die met ons werkt naar de zin te maken. "
            "Loopt er toch iets anders dan verwacht, dan horen we dat graag: dan zoeken we "
            "samen naar een oplossing. In deze klachtenregeling lees je hoe {organisatie} "
            "met klachten omgaat.",
        ),
        "en": (
            "Introduction",
            "We do our best to make everyone who works with us satisfied. If something "
            "does not go as expected, we want to hear about it, so that we can find a "
            "solution together. This complaints regulation describes how {organisatie} "
            "handles complaints.",
        ),
    },
    Article.DEFINITIONS: {
        "nl": (
            "Begripsbepalingen",
            "In deze klachtenregeling betekent:\n"
            "- klacht: elke schriftelijke uiting van ongenoegen door of namens een "
            "opdrachtgever over de dienstverlening van {organisatie} of van de mensen die "
            "onder haar verantwoordelijkheid werken: over het tot stand komen of de "
            "uitvoering van een overeenkomst van opdracht, over de kwaliteit van de "
            "dienstverlening of over de hoogte van de factuur;\n"
            "- klager: de opdrachtgever, of diens vertegenwoordiger, die een klacht indient;\n"
            "- klachtenfunctionaris: wie namens {organisatie} belast is met en verantwoordelijk "
            "is voor het afhandelen van klachten: {klachtenfunctionarissen}.",
        ),
        "en": (
            "Definitions",
            "In this complaints regulation:\n"
            "- complaint means any written expression of dissatisfaction by or on behalf of "
            "a client about the services of {organisatie} or of the people working under its "
            "responsibility: about the forming or the performance of an engagement, the "
            "quality of the service or the amount of the invoice;\n"
            "- complainant means the client, or their representative, who files a complaint;\n"
            "- complaints officer means whoever is charged by {organisatie} with, and "
            "responsible for, handling complaints: {klachtenfunctionarissen}.",
        ),
    },
    Article.SCOPE: {
        "nl": (
            "Toepassingsbereik",
            "1. Deze klachtenregeling geldt voor elke overeenkomst van opdracht tussen "
            "{organisatie} en een opdrachtgever.\n"
            "2. Wie voor {organisatie} werkt en over wie een klacht gaat, werkt mee aan het "
            "afhandelen van die klacht volgens deze regeling.",
        ),
        "en": (
            "Scope",
            "1. This complaints regulation applies to every engagement between {organisatie} "
            "and a client.\n"
            "2. Anyone working for {organisatie} whom a complaint is about cooperates in "
            "handling that complaint under this regulation.",
        ),
    },
    Article.AIMS: {
        "nl": (
            "Doelstellingen",
            "Met deze klachtenregeling willen wij:\n"
            "1. klachten van opdrachtgevers volgens een vaste procedure, binnen een redelijke "
            "termijn en op een constructieve manier afhandelen;\n"
            "2. volgens een vaste procedure vaststellen wat de oorzaken van klachten zijn;\n"
            "3. bestaande relaties behouden en verbeteren door klachten goed te behandelen;\n"
            "4. medewerkers leren klantgericht op klachten te reageren;\n"
            "5. de kwaliteit van onze dienstverlening verbeteren door klachten te behandelen "
            "en te analyseren.",
        ),
        "en": (
            "Aims",
            "With this complaints regulation we aim to:\n"
            "1. handle clients' complaints by a fixed procedure, within a reasonable term "
            "and constructively;\n"
            "2. establish by a fixed procedure what causes complaints;\n"
            "3. keep and improve existing relationships by handling complaints well;\n"
            "4. train staff to respond to complaints with the client in mind;\n"
            "5. improve the quality of our services by handling and analysing complaints.",
        ),
    },
    Article.INFORMATION: {
        "nl": (
            "Informatie bij aanvang van de dienstverlening",
            "1. Deze klachtenregeling is openbaar en staat op de website van {organisatie}: "
            "{regeling_url}. Voordat een overeenkomst van opdracht wordt gesloten, wijst "
            "{organisatie} de opdrachtgever erop dat zij een klachtenregeling hanteert en dat "
            "die van toepassing is op de dienstverlening.\n"
            "2. {organisatie} vermeldt in de overeenkomst van opdracht en in de "
            "opdrachtbevestiging bij welke onafhankelijke instantie een klacht die na "
            "behandeling niet is opgelost, kan worden voorgelegd voor een bindende uitspraak.\n"
            "3. Een klacht als bedoeld in artikel 1 die na behandeling door de "
            "klachtenfunctionaris niet is opgelost, kan worden voorgelegd aan "
            "{geschillencommissie}, {geschillencommissie_adres} ({geschillencommissie_website}).",
        ),
        "en": (
            "Information before the service starts",
            "1. This complaints regulation is public and can be read on the website of "
            "{organisatie}: {regeling_url}. Before an engagement is agreed, {organisatie} "
            "tells the client that it has a complaints regulation and that it applies to the "
            "services.\n"
            "2. {organisatie} states in the engagement and in the order confirmation to which "
            "independent body a complaint that is not resolved after handling can be "
            "submitted for a binding ruling.\n"
            "3. A complaint as defined in article 1 that is not resolved after handling by "
            "the complaints officer can be submitted to {geschillencommissie}, "
            "{geschillencommissie_adres} ({geschillencommissie_website}).",
        ),
    },
    Article.PROCEDURE: {
        "nl": (
            "Interne klachtprocedure",
            "1. Komt een opdrachtgever met een klacht bij {organisatie}, dan gaat de klacht "
            "naar de klachtenfunctionaris: {klachtenfunctionaris}.\n"
            "2. De klachtenfunctionaris laat degene over wie is geklaagd weten dat er een "
            "klacht is ingediend, en geeft de klager en degene over wie is geklaagd de "
            "gelegenheid hun kant van de zaak toe te lichten (hoor en wederhoor).\n"
            "3. Degene over wie is geklaagd probeert samen met de opdrachtgever tot een "
            "oplossing te komen, zo nodig met hulp van de klachtenfunctionaris.\n"
            "4. Gaat de klacht over de klachtenfunctionaris, dan wijst {organisatie} voor die "
            "klacht een andere klachtenfunctionaris aan.\n"
            "5. De klachtenfunctionaris handelt de klacht af binnen {termijn} na ontvangst. "
            "Lukt dat niet, dan laat de klachtenfunctionaris de klager dat met opgave van "
            "redenen weten, met daarbij de termijn waarbinnen wel een oordeel over de klacht "
            "volgt.\n"
            "6. De klachtenfunctionaris laat de klager en degene over wie is geklaagd "
            "schriftelijk weten of de klacht gegrond is, eventueel met aanbevelingen.\n"
            "7. Is de klacht naar tevredenheid afgehandeld, dan ondertekenen de klager, de "
            "klachtenfunctionaris en degene over wie is geklaagd het oordeel over de "
            "gegrondheid van de klacht.",
        ),
        "en": (
            "Internal complaints procedure",
            "1. When a client comes to {organisatie} with a complaint, the complaint goes to "
            "the complaints officer: {klachtenfunctionaris}.\n"
            "2. The complaints officer tells the person complained about that a complaint has "
            "been filed, and gives the complainant and the person complained about the "
            "opportunity to explain their side (both sides are heard).\n"
            "3. The person complained about tries to reach a solution together with the "
            "client, with the help of the complaints officer where needed.\n"
            "4. When the complaint is about the complaints officer, {organisatie} appoints "
            "another complaints officer for that complaint.\n"
            "5. The complaints officer handles the complaint within {termijn} of its receipt. "
            "If that is not possible, the complaints officer tells the complainant so, with "
            "reasons, and states the term within which a judgment on the complaint will "
            "follow.\n"
            "6. The complaints officer informs the complainant and the person complained "
            "about in writing whether the complaint is well-founded, possibly with "
            "recommendations.\n"
            "7. When the complaint has been settled satisfactorily, the complainant, the "
            "complaints officer and the person complained about sign the judgment on the "
            "complaint.",
        ),
    },
    Article.CONFIDENTIALITY: {
        "nl": (
            "Vertrouwelijkheid, geheimhouding en kosteloze behandeling",
            "1. Elke klacht wordt vertrouwelijk behandeld.\n"
            "2. De klachtenfunctionaris en degene over wie is geklaagd houden bij de "
            "behandeling van de klacht geheim wat hun is toevertrouwd.\n"
            "3. {kosteloos}",
        ),
        "en": (
            "Confidentiality, secrecy and handling free of charge",
            "1. Every complaint is handled confidentially.\n"
            "2. The complaints officer and the person complained about keep secret what they "
            "learn while the complaint is handled.\n"
            "3. {kosteloos}",
        ),
    },
    Article.RESPONSIBILITIES: {
        "nl": (
            "Verantwoordelijkheden",
            "1. De klachtenfunctionaris is verantwoordelijk voor het tijdig afhandelen van "
            "de klacht.\n"
            "2. Degene over wie is geklaagd houdt de klachtenfunctionaris op de hoogte van "
            "alle ontwikkelingen en mogelijke oplossingen.\n"
            "3. De klachtenfunctionaris houdt de klager op de hoogte van de afhandeling van "
            "de klacht.\n"
            "4. De klachtenfunctionaris houdt het klachtdossier bij.",
        ),
        "en": (
            "Responsibilities",
            "1. The complaints officer is responsible for handling the complaint in time.\n"
            "2. The person complained about keeps the complaints officer informed of all "
            "developments and possible solutions.\n"
            "3. The complaints officer keeps the complainant informed of the handling of the "
            "complaint.\n"
            "4. The complaints officer keeps the case file.",
        ),
    },
    Article.REGISTRATION: {
        "nl": (
            "Klachtregistratie en bewaartermijn",
            "1. De klachtenfunctionaris registreert de klacht met het onderwerp waarover zij "
            "gaat.\n"
            "2. Een klacht kan onder meer dan één onderwerp vallen.\n"
            "3. De klachtenfunctionaris brengt periodiek verslag uit over de afhandeling van "
            "klachten en doet aanbevelingen om nieuwe klachten te voorkomen en procedures te "
            "verbeteren.\n"
            "4. Ten minste eenmaal per jaar bespreekt de klachtenfunctionaris de verslagen en "
            "aanbevelingen met medewerkers van {organisatie} die hij of zij daarvoor aanwijst; "
            "zo nodig worden ze ter besluitvorming voorgelegd aan de directie van "
            "{organisatie}.\n"
            "5. Na de bespreking en eventuele besluitvorming bedoeld in lid 4 wordt een "
            "geregistreerde klacht vernietigd.",
        ),
        "en": (
            "Registration and retention",
            "1. The complaints officer registers the complaint with the subject it concerns.\n"
            "2. A complaint can concern more than one subject.\n"
            "3. The complaints officer reports periodically on the handling of complaints and "
            "makes recommendations to prevent new complaints and to improve procedures.\n"
            "4. At least once a year the complaints officer discusses the reports and "
            "recommendations with staff of {organisatie} whom they designate; where needed "
            "they are submitted to the board of {organisatie} for a decision.\n"
            "5. After the discussion, and any decision, referred to in paragraph 4, a "
            "registered complaint is destroyed.",
        ),
    },
}
