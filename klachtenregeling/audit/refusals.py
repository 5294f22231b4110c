"""The security log (issue 15): complaint URLs refused to a signed-in staff member.

A refusal is still "not found" for the person who asked (existence is confidential,
R-6.1); this records who asked for what and when, so that the organisation's administrator
can see it, and alerts the administrators once when one person collects more than
REFUSED_ACCESS_ALERT_THRESHOLD refusals within an hour.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction

from klachtenregeling.accounts.selectors import admins_of
from klachtenregeling.core import clock
from klachtenregeling.notifications import security_messages

from .models import RefusedAccess

logger = logging.getLogger(__name__)

WINDOW = timedelta(hours=1)
MAX_PATH_LENGTH = RefusedAccess._meta.get_field("path").max_length


def is_complaint_url(request) -> bool:
    """A URL of one complaint: its page, a step, a letter or an attachment of it."""
    match = getattr(request, "resolver_match", None)
    return match is not None and "reference" in match.kwargs


def refusal_record(*, user, path: str) -> RefusedAccess | None:
    """Record one refused complaint URL of a staff member (the path without its query
    string: no content), in its own transaction; alert the administrators when this refusal
    takes the user past the threshold and they were not alerted about this user within the
    hour. None for someone who is not staff (the complainant has no account)."""
    if not user.is_authenticated or user.organisation_id is None:
        return None
    with transaction.atomic():
        # One refusal of this user at a time: the count and the "alerted already" check
        # must not race with a parallel request of the same user.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        now = clock.now()
        recent = RefusedAccess.objects.filter(user=user, at__gt=now - WINDOW)
        count = recent.count() + 1
        alert = (
            count > settings.REFUSED_ACCESS_ALERT_THRESHOLD
            and not recent.filter(alerted=True).exists()
        )
        entry = RefusedAccess.objects.create(
            organisation_id=user.organisation_id,
            user=user,
            at=now,
            path=path.split("?", 1)[0][:MAX_PATH_LENGTH],
            alerted=alert,
        )
        if alert:
            security_messages.refused_access(admins_of(user.organisation), user=user, count=count)
    return entry


def record_refused_request(request) -> None:
    """For the middleware: a refused complaint URL is recorded; a failure to record it is
    logged and never keeps the "not found" page from rendering."""
    if not is_complaint_url(request):
        return
    try:
        refusal_record(user=request.user, path=request.path)
    except DatabaseError:
        logger.exception("refused access of user %s not recorded", request.user.pk)
