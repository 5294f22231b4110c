"""The values a regulation contains: the same settings the workflow enforces (R-4.1).

`Parameters` is a snapshot of them; a published version stores it, so one can show
afterwards which term, officers and disputes body a published text stated.
"""

from dataclasses import asdict, dataclass

WEEK_WORDS = {
    "nl": {
        1: "één week",
        2: "twee weken",
        3: "drie weken",
        4: "vier weken",
        5: "vijf weken",
        6: "zes weken",
        7: "zeven weken",
        8: "acht weken",
        9: "negen weken",
        10: "tien weken",
        11: "elf weken",
        12: "twaalf weken",
    },
    "en": {
        1: "one week",
        2: "two weeks",
        3: "three weeks",
        4: "four weeks",
        5: "five weeks",
        6: "six weeks",
        7: "seven weeks",
        8: "eight weeks",
        9: "nine weeks",
        10: "ten weeks",
        11: "eleven weeks",
        12: "twelve weeks",
    },
}
DAYS_WORD = {"nl": ("dag", "dagen"), "en": ("day", "days")}


@dataclass(frozen=True)
class Officer:
    name: str
    email: str


@dataclass(frozen=True)
class Parameters:
    """Everything of an organisation's settings that the regulation states."""

    organisation_name: str
    term_days: int
    officers: tuple[Officer, ...]  # the default officer first, as routing uses them
    disputes_body_name: str
    disputes_body_address: str
    disputes_body_url: str
    contact_email: str = ""
    website: str = ""
    regulation_url: str = ""
    # a term ending on a day off ends on the next working day; extra days off by
    # decree as ISO dates. A version published before these existed did not say so and
    # did not move its terms: it reads False (the organisation's setting defaults to on).
    deadline_moves_off_days: bool = False
    extra_days_off: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        data = asdict(self)
        data["officers"] = [asdict(o) for o in self.officers]
        data["extra_days_off"] = list(self.extra_days_off)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Parameters":
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        values["officers"] = tuple(Officer(**o) for o in data.get("officers", ()))
        values["extra_days_off"] = tuple(data.get("extra_days_off", ()))
        return cls(**values)


def days_phrase(days: int, language: str) -> str:
    singular, plural = DAYS_WORD[language]
    return f"{days} {singular if days == 1 else plural}"


# what the published text adds to the term when a term ending on a day off moves.
DAYS_OFF_CLAUSE = {
    "nl": (
        "valt de laatste dag op een zaterdag, zondag of algemeen erkende feestdag, dan "
        "eindigt de termijn op de eerstvolgende werkdag"
    ),
    "en": (
        "when the last day is a Saturday, Sunday or public holiday, the term ends on the "
        "next working day"
    ),
}


def term_phrase(days: int, language: str, *, moves_off_days: bool = False) -> str:
    """The term as the regulation states it: "vier weken (28 dagen)", "30 days" (R-5.5),
    with the days-off clause when a term ending on a day off moves."""
    weeks, rest = divmod(days, 7)
    if rest == 0 and weeks in WEEK_WORDS[language]:
        phrase = f"{WEEK_WORDS[language][weeks]} ({days_phrase(days, language)}"
        phrase += f"; {DAYS_OFF_CLAUSE[language]})" if moves_off_days else ")"
        return phrase
    phrase = days_phrase(days, language)
    return f"{phrase} ({DAYS_OFF_CLAUSE[language]})" if moves_off_days else phrase
