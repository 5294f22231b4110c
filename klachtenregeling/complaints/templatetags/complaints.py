from django import template

from klachtenregeling.audit.presentation import describe
from klachtenregeling.core import clock

from ..constants import AWAITING_JUDGMENT, ComplianceStatus
from ..rules import deadlines

register = template.Library()


@register.filter
def days_left(complaint) -> int:
    return deadlines.days_left(complaint.deadline, clock.today())


@register.filter
def term_running(complaint) -> bool:
    """R-5.5: the term runs until the judgment is sent; after that, no days are counted."""
    return complaint.status in AWAITING_JUDGMENT


@register.filter
def is_overdue(complaint) -> bool:
    return complaint.status in AWAITING_JUDGMENT and deadlines.is_overdue(
        complaint.deadline, clock.today()
    )


@register.filter
def event_text(event) -> str:
    return describe(event)


@register.filter
def days_overdue(complaint) -> int:
    return max(0, -deadlines.days_left(complaint.deadline, clock.today()))


@register.filter
def compliance_title(complaint) -> str:
    """Issue 14: the stored worst rule of the complaint, named by its article title (never
    the internal id); "" when no rule is breached or at risk."""
    from klachtenregeling.compliance.rules import TITLES

    if complaint.compliance_status == ComplianceStatus.FINE:
        return ""
    return str(TITLES.get(complaint.compliance_rule, ""))
