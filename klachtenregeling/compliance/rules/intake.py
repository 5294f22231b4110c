"""Articles 1, 2, 4 and 6.3: what is due at receipt (the intake and its acknowledgement)."""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import (
    REGISTERED_CHANNELS,
    AttachmentKind,
    Channel,
    Concern,
)
from klachtenregeling.notifications.constants import MessageKind

from ..constants import Verdict
from ..timeline import Facts, Finding
from .reading import (
    INTAKE,
    events_of,
    evidence_of,
    finding,
    first_of,
    queued_to,
)


def check_r1_1(facts: Facts) -> Finding:
    """R-1.1: the complaint is written and its channel recorded; a complaint received by
    letter or e-mail keeps the original; an oral one, confirmed in writing, keeps the written
    record as its original. Due at receipt: never pending."""
    intake = first_of(facts, *INTAKE)
    if intake is None or not intake.data.get("channel"):
        return finding(
            "R-1.1",
            Verdict.BREACHED,
            missing=_("The dossier does not record how the written complaint came in."),
            since=facts.received_on,
        )
    if intake.data["channel"] in (*REGISTERED_CHANNELS, Channel.ORAL):
        originals = [
            e
            for e in events_of(facts, EventType.ATTACHMENT_ADDED)
            if e.data.get("kind") == AttachmentKind.ORIGINAL
        ]
        if not originals:
            return finding(
                "R-1.1",
                Verdict.BREACHED,
                evidence_of([intake]),
                _("The original letter or e-mail is not kept in the dossier."),
                since=intake.on,
            )
        return finding("R-1.1", Verdict.MET, evidence_of([intake, originals[0]]))
    return finding("R-1.1", Verdict.MET, evidence_of([intake]))


def check_r1_2(facts: Facts) -> Finding:
    """R-1.2: the complaint names what it concerns (one or more). Due at receipt."""
    intake = first_of(facts, *INTAKE)
    concerns = set(intake.data.get("concerns") or []) if intake else set()
    if concerns and concerns <= set(Concern.values):
        return finding("R-1.2", Verdict.MET, evidence_of([intake]))
    return finding(
        "R-1.2",
        Verdict.BREACHED,
        evidence_of([intake] if intake else []),
        _("The complaint does not say what it concerns."),
        since=facts.received_on,
    )


def check_r2_1(facts: Facts) -> Finding:
    """R-2.1: the complaint is linked to its engagement (chosen, or described). Due at
    receipt."""
    intake = first_of(facts, *INTAKE)
    if intake and (intake.data.get("engagement_id") or intake.data.get("engagement_described")):
        return finding("R-2.1", Verdict.MET, evidence_of([intake]))
    return finding(
        "R-2.1",
        Verdict.BREACHED,
        evidence_of([intake] if intake else []),
        _("The complaint is not linked to an engagement, nor is one described."),
        since=facts.received_on,
    )


def _acknowledgement(facts: Facts, rule: str, missing: str) -> Finding:
    sent = [e for e in queued_to(facts) if e.data.get("kind") == MessageKind.ACKNOWLEDGEMENT]
    if sent:
        return finding(rule, Verdict.MET, evidence_of(sent[:1]))
    return finding(rule, Verdict.BREACHED, missing=missing, since=facts.received_on)


def check_r4_2(facts: Facts) -> Finding:
    """R-4.2: the acknowledgement, which names the disputes body, went to the complainant.
    Due at receipt (queued in the transaction that records the complaint)."""
    return _acknowledgement(
        facts, "R-4.2", _("No acknowledgement naming the disputes body was sent.")
    )


def check_r6_3(facts: Facts) -> Finding:
    """R-6.3: no fee exists anywhere in the system (met by construction); the
    acknowledgement, which says handling is free of charge, went to the complainant."""
    return _acknowledgement(
        facts, "R-6.3", _("No acknowledgement saying that handling is free of charge was sent.")
    )
