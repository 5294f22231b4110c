from django import template

from klachtenregeling.audit.presentation import describe
from klachtenregeling.core import clock

from ..constants import AWAITING_JUDGMENT
from ..rules import deadlines

register = template.Library()


@register.filter
def days_left(complaint) -> int:
    return deadlines.days_left(complaint.deadline, clock.today())


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
