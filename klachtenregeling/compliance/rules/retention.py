"""R-8.5 held against one complaint that still exists: destroyed after its review."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.rules.deadlines import days_left

from ..constants import Verdict
from ..timeline import Evidence, Facts, Finding
from .reading import events_of, evidence_of, finding, is_ended

EXCLUDED = _("left off the destruction list")
REVIEWED = _("discussed in the yearly review")


def open_holds(facts: Facts) -> list:
    """The hold events (HOLD_SET) not followed by their lifting."""
    lifted = {e.data.get("hold_id") for e in events_of(facts, EventType.HOLD_LIFTED)}
    return [e for e in events_of(facts, EventType.HOLD_SET) if e.data.get("hold_id") not in lifted]


def check_r8_5(facts: Facts) -> Finding:
    """R-8.5: an ended complaint that a recorded review covers is destroyed within
    `facts.destruction_days` of that review, unless a hold or a reasoned exclusion keeps
    it. Once destroyed there is no dossier left to check: the period's table counts those
    as met from the destruction records. Until a review covers it, it waits for that step
    (no daily recheck); an open complaint is not due yet."""
    if not is_ended(facts):
        return finding("R-8.5", Verdict.NOT_YET_DUE)
    kept = open_holds(facts)
    if kept:
        return finding("R-8.5", Verdict.NOT_APPLICABLE, evidence_of(kept))
    retention = facts.retention
    if retention.reviewed_on is None:
        return finding(
            "R-8.5",
            Verdict.NOT_YET_DUE,
            missing=_("No recorded yearly review covers this complaint yet."),
            waits_for_step=True,
        )
    reviewed = Evidence(label=REVIEWED, on=retention.reviewed_on)
    if retention.excluded_on is not None:
        return finding(
            "R-8.5",
            Verdict.NOT_APPLICABLE,
            (reviewed, Evidence(label=EXCLUDED, on=retention.excluded_on)),
        )
    due = retention.reviewed_on + timedelta(days=facts.destruction_days)
    missing = _("Not destroyed yet, although the yearly review covered it.")
    if retention.listed_until is not None:
        # On a confirmed destruction list: it goes when the cooling-off period ends.
        return finding("R-8.5", Verdict.NOT_YET_DUE, (reviewed,), missing)
    if facts.today > due:
        return finding(
            "R-8.5", Verdict.BREACHED, (reviewed,), missing, since=due + timedelta(days=1)
        )
    if days_left(due, facts.today) <= facts.at_risk_days:
        return finding("R-8.5", Verdict.AT_RISK, (reviewed,), missing, since=due)
    return finding("R-8.5", Verdict.NOT_YET_DUE, (reviewed,), missing)
