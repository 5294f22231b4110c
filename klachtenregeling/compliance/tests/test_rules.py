"""The compliance checks (issue 14), one table per rule; no database.

Every table has a met, a breached and a not-yet-due (or at-risk / not-applicable) row.
Rules due at receipt (R-1.1, R-1.2, R-2.1, R-4.2, R-6.3) and the hash chain (R-7.4) can be
neither pending nor inapplicable: the intake writes them in one transaction, so their
tables hold met and breached rows only (that is the point of those rules).
"""

from dataclasses import replace

import pytest

from klachtenregeling.audit.constants import EventType as T
from klachtenregeling.compliance import rules
from klachtenregeling.compliance.constants import Verdict
from klachtenregeling.compliance.timeline import Retention

from .timelines import (
    DEADLINE,
    FILED,
    FILED_ABOUT,
    OFFICER,
    OTHER_OFFICER,
    RESPONDENT,
    by_officer,
    day,
    extended,
    facts,
    failed,
    intake,
    judgment,
    queued,
    routed,
    sent,
    signed,
    statement,
    step,
)

V = Verdict
ACK = queued(1, "acknowledgement")


def check(fn, steps, today=5, status="in_handling", **kwargs):
    return fn(facts(steps, today=today, status=status, **kwargs))


# ---- R-1.1 ------------------------------------------------------------------------------

R1_1 = [
    ([intake(channel="web"), ACK], V.MET),  # through the web form: written, channel recorded
    (
        [intake(channel="letter"), step(T.ATTACHMENT_ADDED, 0, kind="original"), ACK],
        V.MET,
    ),  # registered from a letter, the original attached
    ([intake(channel="letter"), ACK], V.BREACHED),  # registered from a letter, no original
    ([intake(channel=""), ACK], V.BREACHED),  # the channel is not recorded
    ([routed()], V.BREACHED),  # no intake event at all
]


@pytest.mark.parametrize(("steps", "expected"), R1_1)
def test_r1_1_written_with_channel_and_original(steps, expected):
    assert check(rules.check_r1_1, steps).verdict == expected


def test_r1_1_breach_is_dated_from_the_registration():
    finding = check(rules.check_r1_1, [intake(channel="email")])
    assert (finding.since, str(finding.title)) == (day(0), "Article 1: the complaint is in writing")


# ---- R-2.1 -----------------------------------------------------------------------

R1_2 = [
    ([intake(concerns=["quality"])], V.MET),  # one concern named
    ([intake(concerns=["invoice", "conduct"])], V.MET),  # several
    ([intake(concerns=[])], V.BREACHED),  # none named
    ([intake(concerns=["weather"])], V.BREACHED),  # not a concern of the regulation
]


@pytest.mark.parametrize(("steps", "expected"), R1_2)
def test_r1_2_names_what_it_concerns(steps, expected):
    assert check(rules.check_r1_2, steps).verdict == expected


R2_1 = [
    ([intake(engagement=7)], V.MET),  # linked to engagement 7
    (
        [step(T.SUBMITTED, 0, engagement_id=None, engagement_described=True)],
        V.MET,
    ),  # the engagement described in words
    ([intake(engagement=None)], V.BREACHED),  # neither linked nor described
    ([routed()], V.BREACHED),  # no intake
]


@pytest.mark.parametrize(("steps", "expected"), R2_1)
def test_r2_1_linked_to_an_engagement(steps, expected):
    assert check(rules.check_r2_1, steps).verdict == expected


# ---- the acknowledgement --------------------------------------------------

ACKNOWLEDGED = [
    (FILED, V.MET),  # the acknowledgement queued at receipt
    ([intake(), routed()], V.BREACHED),  # no acknowledgement
    ([intake(), queued(1, "acknowledgement", to="officer")], V.BREACHED),  # to the wrong person
]


@pytest.mark.parametrize(("steps", "expected"), ACKNOWLEDGED)
def test_r4_2_acknowledgement_names_the_disputes_body(steps, expected):
    assert check(rules.check_r4_2, steps).verdict == expected


@pytest.mark.parametrize(("steps", "expected"), ACKNOWLEDGED)
def test_r6_3_acknowledgement_says_free_of_charge(steps, expected):
    assert check(rules.check_r6_3, steps).verdict == expected


# ---- R-5.1 ------------------------------------------------------------------------------

R5_1 = [
    (FILED, 5, "in_handling", V.MET),  # routed at receipt
    (
        [intake(), step(T.ROUTING_FAILED, 0), by_officer(T.OFFICER_ASSIGNED, 1, officer_id=11)],
        5,
        "received",
        V.MET,
    ),  # no officer at first, an administrator appointed one the next day
    ([intake(), step(T.ROUTING_FAILED, 0)], 0, "received", V.AT_RISK),  # the day of receipt
    ([intake(), step(T.ROUTING_FAILED, 0)], 1, "received", V.BREACHED),  # a day later, no one
    ([intake(), step(T.WITHDRAWN, 0)], 3, "withdrawn", V.NOT_APPLICABLE),  # withdrawn at once
]


@pytest.mark.parametrize(("steps", "today", "status", "expected"), R5_1)
def test_r5_1_routed_to_an_officer(steps, today, status, expected):
    assert check(rules.check_r5_1, steps, today, status).verdict == expected


# ---- R-5.2 ------------------------------------------------------------------------------

NOTIFIED = by_officer(T.RESPONDENT_NOTIFIED, 2, respondent_id=RESPONDENT)
WAIVED_RESPONDENT = by_officer(T.HEARING_WAIVED, 3, party="respondent")

R5_2 = [
    (
        [
            *FILED_ABOUT,
            NOTIFIED,
            statement("complainant", 3),
            statement("respondent", 4),
            judgment(9),
        ],
        10,
        V.MET,
    ),  # informed, both heard, then judged
    (
        [*FILED, statement("complainant", 3), judgment(9)],
        10,
        V.MET,
    ),  # about nobody in particular: the complainant heard is enough
    (
        [*FILED_ABOUT, statement("complainant", 3), WAIVED_RESPONDENT, judgment(9)],
        10,
        V.MET,
    ),  # the respondent not heard, with a recorded reason (no notice needed then)
    (
        [*FILED_ABOUT, NOTIFIED, statement("complainant", 3), judgment(9)],
        10,
        V.BREACHED,
    ),  # judged without the respondent's account or a reason
    (
        [*FILED_ABOUT, statement("complainant", 3), statement("respondent", 4), judgment(9)],
        10,
        V.BREACHED,
    ),  # heard, but never formally informed
    (
        [*FILED_ABOUT, judgment(9), statement("complainant", 10), statement("respondent", 10)],
        11,
        V.BREACHED,
    ),  # heard only after the judgment
    ([*FILED_ABOUT, NOTIFIED], 5, V.NOT_YET_DUE),  # hearing under way, term far off
    ([*FILED_ABOUT, NOTIFIED], 24, V.AT_RISK),  # four days before the deadline, nobody heard
    (
        [*FILED_ABOUT, by_officer(T.NOT_ADMISSIBLE, 2)],
        5,
        V.NOT_APPLICABLE,
    ),  # not admissible: no hearing
]


@pytest.mark.parametrize(("steps", "today", "expected"), R5_2)
def test_r5_2_both_sides_heard_before_the_judgment(steps, today, expected):
    assert check(rules.check_r5_2, steps, today).verdict == expected


def test_r5_2_a_change_of_respondent_needs_the_new_one_informed():
    steps = [
        *FILED_ABOUT,
        NOTIFIED,
        by_officer(T.RESPONDENT_SET, 3, respondent_id=21),
        statement("complainant", 3),
        statement("respondent", 4),
        judgment(9),
    ]
    assert check(rules.check_r5_2, steps, 10).verdict == V.BREACHED


# ---- R-5.3 ------------------------------------------------------------------------------

PROPOSED = by_officer(T.PROPOSAL_MADE, 5, proposal_id=3)
ANSWERED = step(T.PROPOSAL_ANSWERED, 6, role="complainant", proposal_id=3, answer="accepted")

R5_3 = [
    ([*FILED, PROPOSED, ANSWERED], 7, V.MET),  # proposed and answered
    ([*FILED, PROPOSED, judgment(9)], 10, V.BREACHED),  # judged with the proposal unanswered
    ([*FILED, PROPOSED], 7, V.NOT_YET_DUE),  # waiting for the answer, term far off
    ([*FILED, PROPOSED], 27, V.AT_RISK),  # waiting, the day before the deadline
    (FILED, 7, V.NOT_APPLICABLE),  # nothing proposed
]


@pytest.mark.parametrize(("steps", "today", "expected"), R5_3)
def test_r5_3_proposals_answered(steps, today, expected):
    assert check(rules.check_r5_3, steps, today).verdict == expected


# ---- R-5.4 ------------------------------------------------------------------------------

R5_4 = [
    (FILED_ABOUT, "in_handling", V.MET),  # about a staff member, handled by the officer
    (
        [intake(respondent=OFFICER), routed(officer=OTHER_OFFICER), ACK],
        "in_handling",
        V.MET,
    ),  # about an officer, routed to the other one
    (
        [*FILED_ABOUT, by_officer(T.RESPONDENT_SET, 2, respondent_id=OFFICER)],
        "in_handling",
        V.BREACHED,
    ),  # the handling officer later named as the person complained about
    (
        [
            intake(respondent=OFFICER),
            routed(officer=OTHER_OFFICER),
            by_officer(T.OFFICER_ASSIGNED, 3, officer=OTHER_OFFICER, officer_id=OFFICER),
        ],
        "in_handling",
        V.BREACHED,
    ),  # handed over to the officer it is about
    (
        [intake(respondent=OFFICER), routed(officer=OTHER_OFFICER), by_officer(T.NOTE_ADDED, 2)],
        "in_handling",
        V.BREACHED,
    ),  # the officer complained about added a note to it
    (
        [
            intake(respondent=OFFICER),
            routed(officer=OFFICER),
            by_officer(T.OFFICER_ASSIGNED, 0, officer=OTHER_OFFICER, officer_id=OTHER_OFFICER),
        ],
        "in_handling",
        V.BREACHED,
    ),  # handed on the same day, but for a moment the officer held their own complaint
    ([intake(), step(T.ROUTING_FAILED, 0)], "received", V.NOT_YET_DUE),  # no officer yet
    (
        [intake(), step(T.ROUTING_FAILED, 0), step(T.WITHDRAWN, 1, role="complainant")],
        "withdrawn",
        V.NOT_APPLICABLE,
    ),  # withdrawn before anyone handled it
]


@pytest.mark.parametrize(("steps", "status", "expected"), R5_4)
def test_r5_4_never_handled_by_the_person_complained_about(steps, status, expected):
    assert check(rules.check_r5_4, steps, status=status).verdict == expected


# ---- R-5.5 ------------------------------------------------------------------------------

R5_5 = [
    ([*FILED, judgment(20)], 21, "judged", V.MET, None),  # judged on day 20 of 28
    ([*FILED, judgment(28)], 29, "judged", V.MET, None),  # on the deadline itself
    (
        [*FILED, extended(25, DEADLINE, day(42)), judgment(40)],
        41,
        "judged",
        V.MET,
        None,
    ),  # extended before the deadline, judged within the new term
    ([*FILED, judgment(29)], 30, "judged", V.BREACHED, day(29)),  # a day late
    ([*FILED], 30, "in_handling", V.BREACHED, day(29)),  # term passed, no judgment yet
    (
        [*FILED, extended(30, DEADLINE, day(42)), judgment(40)],
        41,
        "judged",
        V.BREACHED,
        day(29),
    ),  # extended only after the deadline ran out: late
    ([*FILED], 10, "in_handling", V.NOT_YET_DUE, None),  # 18 days left
    ([*FILED], 23, "in_handling", V.AT_RISK, DEADLINE),  # 5 days left
    (
        [*FILED, extended(25, DEADLINE, day(42))],
        30,
        "in_handling",
        V.NOT_YET_DUE,
        None,
    ),  # past the original deadline, but extended in time
    ([*FILED, step(T.WITHDRAWN, 4)], 30, "withdrawn", V.NOT_APPLICABLE, None),  # withdrawn
]


@pytest.mark.parametrize(("steps", "today", "status", "expected", "since"), R5_5)
def test_r5_5_judgment_within_the_term(steps, today, status, expected, since):
    finding = check(rules.check_r5_5, steps, today, status)
    assert (finding.verdict, finding.since) == (expected, since)


def test_r5_5_title_names_the_article_not_the_rule():
    finding = check(rules.check_r5_5, FILED)
    assert str(finding.title) == "Article 5: a judgment within the term"
    assert "R-5" not in str(finding.title) + str(finding.missing)


# ---- R-5.6 ------------------------------------------------------------------------------

JUDGMENT_TO_BOTH = [
    judgment(9),
    queued(5, "judgment", 9),
    queued(6, "judgment", 9, to="respondent"),
]

R5_6 = [
    ([*FILED_ABOUT, *JUDGMENT_TO_BOTH], 10, V.MET),  # to complainant and respondent
    ([*FILED, judgment(9), queued(5, "judgment", 9)], 10, V.MET),  # no respondent: one letter
    ([*FILED_ABOUT, judgment(9), queued(5, "judgment", 9)], 10, V.BREACHED),  # not to respondent
    ([*FILED, judgment(9)], 10, V.BREACHED),  # not sent at all
    (FILED, 10, V.NOT_YET_DUE),  # no judgment yet
    ([*FILED, by_officer(T.NOT_ADMISSIBLE, 3)], 10, V.NOT_APPLICABLE),  # not admissible
]


@pytest.mark.parametrize(("steps", "today", "expected"), R5_6)
def test_r5_6_judgment_in_writing_to_both(steps, today, expected):
    assert check(rules.check_r5_6, steps, today).verdict == expected


# ---- R-5.7 ------------------------------------------------------------------------------

RESOLVED = step(T.RESOLVED, 12, text_sha256="t1")
ALL_SIGNED = [signed("complainant", 10), signed("officer", 11), signed("respondent", 12)]

R5_7 = [
    ([*FILED_ABOUT, judgment(9), *ALL_SIGNED, RESOLVED], "resolved", V.MET),  # three signatures
    (
        [*FILED, judgment(9), *ALL_SIGNED[:2], RESOLVED],
        "resolved",
        V.MET,
    ),  # about nobody in particular: two signatures
    (
        [*FILED_ABOUT, judgment(9), *ALL_SIGNED[:2], RESOLVED],
        "resolved",
        V.BREACHED,
    ),  # the respondent's signature is missing
    (
        [
            *FILED_ABOUT,
            judgment(9),
            *ALL_SIGNED[:2],
            judgment(11, text="t2", judgment_id=2),
            signed("respondent", 12, text="t2"),
            step(T.RESOLVED, 12, text_sha256="t2"),
        ],
        "resolved",
        V.BREACHED,
    ),  # signatures on the earlier text do not carry over to the revised judgment
    ([*FILED_ABOUT, judgment(9), signed("complainant", 10)], "judged", V.NOT_YET_DUE),  # signing
    (
        [*FILED_ABOUT, judgment(9), step(T.JUDGMENT_ANSWERED, 10, answer="declined")],
        "unresolved",
        V.NOT_APPLICABLE,
    ),  # declined: never resolved
]


@pytest.mark.parametrize(("steps", "status", "expected"), R5_7)
def test_r5_7_resolved_with_every_signature_on_the_current_text(steps, status, expected):
    assert check(rules.check_r5_7, steps, 13, status).verdict == expected


# ---- R-6.2 ------------------------------------------------------------------------------

STARTED = by_officer(T.HANDLING_STARTED, 1)
RESPONDENT_SPOKE = step(T.STATEMENT_GIVEN, 4, actor=RESPONDENT, role="respondent")

R6_2 = [
    ([*FILED_ABOUT, STARTED], [(OFFICER, 1)], V.MET),  # the officer read it, then acted
    (
        [*FILED_ABOUT, STARTED, RESPONDENT_SPOKE],
        [(OFFICER, 1), (RESPONDENT, 4)],
        V.MET,
    ),  # both staff members who acted are in the access log
    ([*FILED_ABOUT, STARTED, RESPONDENT_SPOKE], [(OFFICER, 1)], V.BREACHED),  # respondent not
    ([*FILED_ABOUT, STARTED], [], V.BREACHED),  # nobody's read logged
    (FILED_ABOUT, [], V.NOT_YET_DUE),  # no staff member acted yet
]


@pytest.mark.parametrize(("steps", "reads", "expected"), R6_2)
def test_r6_2_everyone_who_acted_is_in_the_access_log(steps, reads, expected):
    assert check(rules.check_r6_2, steps, reads=reads).verdict == expected


# ---- R-7.3 ------------------------------------------------------------------------------

DELIVERED_ACK = [*FILED, sent(1, "acknowledgement")]

R7_3 = [
    (DELIVERED_ACK, [], 5, V.MET),  # the acknowledgement arrived
    (
        [*FILED, failed(1, "acknowledgement", 0), by_officer(T.NOTE_ADDED, 1)],
        [],
        5,
        V.MET,
    ),  # it bounced; the failure is recorded and the officer noted what they did
    ([*FILED, failed(1, "acknowledgement", 0)], [], 5, V.BREACHED),  # bounced, nobody followed up
    (
        FILED,
        [(1, "acknowledgement", "complainant", "failed")],
        5,
        V.BREACHED,
    ),  # failed in the outbox, the failure never recorded in the dossier
    (
        [*DELIVERED_ACK, by_officer(T.PROPOSAL_MADE, 4, proposal_id=1)],
        [],
        5,
        V.BREACHED,
    ),  # a solution proposed without telling the complainant
    (
        [*DELIVERED_ACK, judgment(9), queued(5, "judgment", 9)],
        [(5, "judgment", "complainant", "pending")],
        9,
        V.NOT_YET_DUE,
    ),  # the judgment's mail is on its way (today)
    (
        [*DELIVERED_ACK, judgment(9), queued(5, "judgment", 9)],
        [(5, "judgment", "complainant", "pending")],
        11,
        V.AT_RISK,
    ),  # still not delivered two days later
]


@pytest.mark.parametrize(("steps", "messages", "today", "expected"), R7_3)
def test_r7_3_complainant_informed_of_each_step(steps, messages, today, expected):
    assert check(rules.check_r7_3, steps, today, messages=messages).verdict == expected


# ---- R-7.4 ------------------------------------------------------------------------------


def _tampered(position, **changes):
    f = facts(DELIVERED_ACK)
    events = list(f.events)
    events[position] = replace(events[position], **changes)
    return replace(f, events=tuple(events))


R7_4 = [
    (facts(DELIVERED_ACK), V.MET),  # every link verifies
    (_tampered(1, data={"officer_id": 99}), V.BREACHED),  # the routing changed afterwards
    (_tampered(2, seq=7), V.BREACHED),  # an event is missing
    (_tampered(3, prev_sha256="0" * 64), V.BREACHED),  # an event not linked to the one before
    (replace(facts(DELIVERED_ACK), events=()), V.BREACHED),  # an empty dossier
]


@pytest.mark.parametrize(("the_facts", "expected"), R7_4)
def test_r7_4_hash_chain_verifies(the_facts, expected):
    assert rules.check_r7_4(the_facts).verdict == expected


# ---- R-8.1 ------------------------------------------------------------------------------

CLASSIFIED = by_officer(T.SUBJECTS_CHANGED, 2, added=[{"id": 4, "name": "Planning"}], removed=[])
UNCLASSIFIED = by_officer(T.SUBJECTS_CHANGED, 3, added=[], removed=[{"id": 4, "name": "Planning"}])

R8_1 = [
    ([*FILED, CLASSIFIED, judgment(9)], 10, V.MET),  # a subject before the judgment
    ([intake(subjects=[4]), routed(), judgment(9)], 10, V.MET),  # chosen on the form
    ([*FILED, CLASSIFIED], 5, V.MET),  # registered, judgment still to come
    ([*FILED, judgment(9), CLASSIFIED], 10, V.BREACHED),  # only after the judgment
    ([*FILED, CLASSIFIED, UNCLASSIFIED, judgment(9)], 10, V.BREACHED),  # removed again
    (FILED, 5, V.NOT_YET_DUE),  # not yet, term far off
    (FILED, 25, V.AT_RISK),  # not yet, three days left
    (
        [*FILED, step(T.WITHDRAWN, 4, role="complainant")],
        5,
        V.NOT_APPLICABLE,
    ),  # withdrawn through the link before it was classified: counted without a subject
    ([*FILED, by_officer(T.WITHDRAWN, 4)], 5, V.BREACHED),  # withdrawal recorded, no subject
]


@pytest.mark.parametrize(("steps", "today", "expected"), R8_1)
def test_r8_1_registered_with_a_subject(steps, today, expected):
    assert check(rules.check_r8_1, steps, today).verdict == expected


# ---- R-8.5 ------------------------------------------------------------------------------

ENDED = [*FILED, CLASSIFIED, judgment(9), step(T.RESOLVED, 10), by_officer(T.CLOSED, 10)]
HOLD = by_officer(T.HOLD_SET, 12, hold_id=7, kind="manual", reason="Rechtszaak")
HOLD_LIFTED = by_officer(T.HOLD_LIFTED, 40, hold_id=7, kind="manual", reason="Afgerond")
REVIEWED = Retention(ended_on=day(10), reviewed_on=day(30))  # due on day 120 (90 days)

R8_5 = [
    (FILED, "in_handling", Retention(), 200, V.NOT_YET_DUE),  # still open
    (ENDED, "closed", Retention(ended_on=day(10)), 200, V.NOT_YET_DUE),  # no review yet
    (ENDED, "closed", REVIEWED, 60, V.NOT_YET_DUE),  # reviewed, time left
    (ENDED, "closed", REVIEWED, 117, V.AT_RISK),  # three days left
    (ENDED, "closed", REVIEWED, 121, V.BREACHED),  # kept past the 90 days
    ([*ENDED, HOLD], "closed", REVIEWED, 121, V.NOT_APPLICABLE),  # a hold keeps it
    ([*ENDED, HOLD, HOLD_LIFTED], "closed", REVIEWED, 121, V.BREACHED),  # hold lifted
    (
        ENDED,
        "closed",
        replace(REVIEWED, excluded_on=day(31), excluded_reason="Klacht loopt door"),
        121,
        V.NOT_APPLICABLE,
    ),  # left off the destruction list with a reason
    (
        ENDED,
        "closed",
        replace(REVIEWED, listed_until=day(125)),
        121,
        V.NOT_YET_DUE,
    ),  # on a confirmed list, in its cooling-off period
]


@pytest.mark.parametrize(("steps", "status", "retention", "today", "expected"), R8_5)
def test_r8_5_destroyed_within_the_days_after_its_review(steps, status, retention, today, expected):
    finding = check(rules.check_r8_5, steps, today, status, retention=retention)
    assert finding.verdict == expected


def test_r8_5_breach_is_dated_and_a_missing_review_needs_no_daily_recheck():
    breached = check(rules.check_r8_5, ENDED, 121, "closed", retention=REVIEWED)
    assert breached.since == day(121)
    waiting = check(rules.check_r8_5, ENDED, 200, "closed", retention=Retention(ended_on=day(10)))
    assert waiting.waits_for_step  # only a recorded review changes it, not time
    assert not check(rules.check_r8_5, ENDED, 60, "closed", retention=REVIEWED).waits_for_step


# ---- all together -----------------------------------------------------------------------


def test_every_check_has_a_title_naming_an_article():
    findings = rules.check_all(facts(FILED))
    assert [f.rule for f in findings] == list(rules.TITLES)
    assert all(str(f.title).startswith("Article ") for f in findings)


def test_the_setting_sets_the_at_risk_window():
    wide = replace(facts(FILED, today=10), at_risk_days=20)
    assert rules.check_r5_5(wide).verdict == V.AT_RISK


def test_r7_3_a_message_is_due_the_day_after_it_was_queued():
    steps = [*DELIVERED_ACK, judgment(9), queued(5, "judgment", 9)]
    finding = check(rules.check_r7_3, steps, 11, messages=[(5, "judgment", "complainant", "sent")])
    assert finding.verdict == V.MET  # delivered according to the outbox
    finding = check(rules.check_r7_3, steps, 11)
    assert (finding.verdict, finding.since) == (V.AT_RISK, day(10))
