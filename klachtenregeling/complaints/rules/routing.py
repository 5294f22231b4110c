"""Art. 5.1 and 5.4 — who handles a complaint."""

from collections.abc import Sequence
from dataclasses import dataclass


class RoutingReason:
    REGISTERING_OFFICER = "registering_officer"
    DEFAULT_OFFICER = "default_officer"
    RESPONDENT_IS_OFFICER = "respondent_is_officer"
    FIRST_OFFICER = "first_officer"
    NO_OFFICER = "no_officer_configured"
    NO_OTHER_OFFICER = "no_other_officer"


@dataclass(frozen=True)
class RoutingDecision:
    officer_id: int | None
    reason: str


def choose_officer(
    *,
    officer_ids: Sequence[int],
    default_officer_id: int | None,
    respondent_id: int | None,
    preferred_id: int | None = None,
) -> RoutingDecision:
    """R-5.1: every complaint goes to an officer; R-5.4: never to the officer it is about.

    `officer_ids` are the organisation's active officers in their configured
    order (R-1.4: the first is the default handler unless one is set).
    `preferred_id` is the officer who registered the complaint by hand.
    Returns no officer when none is left: the admin must appoint one (R-5.4).
    """
    eligible = [o for o in officer_ids if o != respondent_id]
    if not officer_ids:
        return RoutingDecision(None, RoutingReason.NO_OFFICER)
    if not eligible:
        return RoutingDecision(None, RoutingReason.NO_OTHER_OFFICER)
    if preferred_id in eligible:
        return RoutingDecision(preferred_id, RoutingReason.REGISTERING_OFFICER)
    if default_officer_id in eligible:
        return RoutingDecision(default_officer_id, RoutingReason.DEFAULT_OFFICER)
    about_an_officer = respondent_id is not None and respondent_id in officer_ids
    reason = (
        RoutingReason.RESPONDENT_IS_OFFICER if about_an_officer else RoutingReason.FIRST_OFFICER
    )
    return RoutingDecision(eligible[0], reason)


def may_handle(*, officer_id: int, respondent_id: int | None) -> bool:
    """R-5.4: the officer a complaint is about may not see or act on it."""
    return officer_id != respondent_id
