import pytest

from klachtenregeling.complaints.rules.routing import RoutingReason, choose_officer, may_handle

AMBER, BRAM, CHRIS, SANNE = 1, 2, 3, 9

CASES = [
    # officers in order, default, respondent, preferred -> officer, reason
    ([AMBER, BRAM], AMBER, None, None, AMBER, RoutingReason.DEFAULT_OFFICER),
    ([AMBER, BRAM], BRAM, None, None, BRAM, RoutingReason.DEFAULT_OFFICER),  # setting
    ([AMBER, BRAM], None, None, None, AMBER, RoutingReason.FIRST_OFFICER),  # first officer
    ([AMBER, BRAM], AMBER, SANNE, None, AMBER, RoutingReason.DEFAULT_OFFICER),  # about a trainer
    ([AMBER, BRAM], AMBER, AMBER, None, BRAM, RoutingReason.RESPONDENT_IS_OFFICER),
    ([AMBER, BRAM, CHRIS], BRAM, BRAM, None, AMBER, RoutingReason.RESPONDENT_IS_OFFICER),
    ([AMBER], AMBER, AMBER, None, None, RoutingReason.NO_OTHER_OFFICER),  # admin alerted
    ([], None, None, None, None, RoutingReason.NO_OFFICER),
    ([AMBER, BRAM], AMBER, None, BRAM, BRAM, RoutingReason.REGISTERING_OFFICER),
    ([AMBER, BRAM], AMBER, BRAM, BRAM, AMBER, RoutingReason.DEFAULT_OFFICER),  # registers own case
    # about a trainer, and the default officer cannot be used (none set, or no longer
    # an officer): the first officer takes it, and the reason says so, not "about an officer".
    ([AMBER, BRAM], None, SANNE, None, AMBER, RoutingReason.FIRST_OFFICER),
    ([AMBER, BRAM], CHRIS, SANNE, None, AMBER, RoutingReason.FIRST_OFFICER),
    ([AMBER, BRAM], CHRIS, BRAM, None, AMBER, RoutingReason.RESPONDENT_IS_OFFICER),
]


@pytest.mark.parametrize(
    ("officers", "default", "respondent", "preferred", "officer", "reason"), CASES
)
def test_r5_1_r5_4_choose_officer(officers, default, respondent, preferred, officer, reason):
    decision = choose_officer(
        officer_ids=officers,
        default_officer_id=default,
        respondent_id=respondent,
        preferred_id=preferred,
    )
    assert (decision.officer_id, decision.reason) == (officer, reason)


def test_r5_4_complaint_about_officer_never_goes_to_that_officer():
    for officers in ([AMBER], [AMBER, BRAM], [BRAM, AMBER], [AMBER, BRAM, CHRIS]):
        for default in [None, *officers]:
            decision = choose_officer(
                officer_ids=officers,
                default_officer_id=default,
                respondent_id=AMBER,
                preferred_id=AMBER,
            )
            assert decision.officer_id != AMBER


def test_r5_4_officer_may_not_handle_complaint_about_themselves():
    assert may_handle(officer_id=AMBER, respondent_id=None)
    assert may_handle(officer_id=AMBER, respondent_id=SANNE)
    assert not may_handle(officer_id=AMBER, respondent_id=AMBER)
