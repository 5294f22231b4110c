"""Who wrote: a party of the complaint, or someone else (then the message goes to triage)."""

import re

from klachtenregeling.accounts.selectors import officers_of
from klachtenregeling.audit.constants import ActorRole


def party_of(complaint, address: str) -> str | None:
    """The sender's role in the complaint, by address: the complainant, the person
    complained about, or the handling officer. Anyone else is not a party (None)."""
    address = (address or "").strip().lower()
    if not address:
        return None
    if address == (complaint.complainant_email or "").lower():
        return ActorRole.COMPLAINANT
    respondent = complaint.respondent
    if respondent is not None and address == (respondent.email or "").lower():
        return ActorRole.RESPONDENT
    officer = complaint.assigned_officer
    if officer is not None and address == (officer.email or "").lower():
        return ActorRole.OFFICER
    return None


def names_in(text: str, *, name: str, email: str) -> bool:
    """Whether `text` names a person: their e-mail address, or their full name (two words
    or more, as whole words, any case)."""
    lowered = text.lower()
    if email and email.lower() in lowered:
        return True
    words = name.split()
    if len(words) < 2:
        return False
    pattern = r"\b" + r"\s+".join(re.escape(w.lower()) for w in words) + r"\b"
    return re.search(pattern, lowered) is not None


def named_officer_ids(organisation, text: str) -> list[int]:
    """R-5.4: the officers a message names. They do not see it in the triage inbox, since
    it may be a complaint about them."""
    return [
        officer.pk
        for officer in officers_of(organisation)
        if names_in(text, name=officer.display_name, email=officer.email)
    ]
