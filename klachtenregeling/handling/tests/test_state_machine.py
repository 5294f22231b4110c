"""Random procedures by random actors against the invariants of Art. 5 and R-7.4.

Each rule is one step by someone: the officer, the person complained about, another
staff member, the complainant through their link or through a revoked link. A
refused step (a DomainError) is a fine outcome, but must change nothing.
"""

import io
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import (
    AWAITING_JUDGMENT,
    FINAL_STATUSES,
    Channel,
    Concern,
    Satisfaction,
    Status,
)
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import (
    Answer,
    PaperAnswer,
    Party,
    RulingOutcome,
    Verdict,
    Via,
)
from klachtenregeling.handling.models import Signature
from klachtenregeling.handling.rules import hearing, signatures
from klachtenregeling.oral import services as oral_services
from klachtenregeling.portal.models import ComplainantLink
from klachtenregeling.reports.models import ComplaintStatistic
from klachtenregeling.retention.selectors import has_open_referral_hold
from tests import samples

from . import steps

# The officer acts most; the person complained about and another staff member now and then.
STAFF = st.sampled_from(["officer", "officer", "respondent", "other_staff"])
COMPLAINANT = st.sampled_from(["link", "link", "revoked_link"])
ANYONE = st.sampled_from(["officer", "respondent", "other_staff", "link", "revoked_link"])
PARTIES = st.sampled_from(Party.values)
ANSWERS = st.sampled_from(Answer.values)
STALE = st.sampled_from([False, False, True])  # now and then, a form showing an old judgment


def _judged(complaint):
    officer = complaint.assigned_officer
    complaint = steps.hear_both(complaint, officer)
    steps.judge(complaint, officer)
    return steps.fresh(complaint)


def _accepted(complaint):
    complaint = _judged(complaint)
    steps.accept(complaint, selectors.current_judgment(complaint))
    return steps.fresh(complaint)


# Where a random procedure starts, reached through the real services, so that a dozen
# random steps also explore signing, referral and closing.
START_AT = {
    "in_handling": lambda c: c,
    "heard": lambda c: steps.hear_both(c, c.assigned_officer),
    "judged": _judged,
    "accepted": _accepted,
    "unresolved": lambda c: steps.unresolve(c, c.assigned_officer),
    "resolved": lambda c: steps.resolve(c, c.assigned_officer),
    "referred": lambda c: steps.refer(steps.unresolve(c, c.assigned_officer), c.assigned_officer),
    "not_admissible": lambda c: _not_admissible(c),
}


def _not_admissible(complaint):
    complaint = steps.classify(complaint, complaint.assigned_officer)
    services.complaint_declare_not_admissible(
        complaint=complaint, reasons="Geen klacht.", by=complaint.assigned_officer
    )
    return steps.fresh(complaint)


class Procedure(RuleBasedStateMachine):
    # Set by the test: the organisation and its people.
    organisation = None
    people: dict = {}
    cause_id: int | None = None

    @initialize(
        about=st.sampled_from([None, "respondent", "respondent", "other_staff"]),
        start_at=st.sampled_from(list(START_AT)),
        with_subject=st.booleans(),
        oral=st.booleans(),
    )
    def file_a_complaint(self, about, start_at, with_subject, oral):
        # About a staff member, or about the other officer (R-5.4: never handled by them).
        respondent = self.people[about] if about else None
        draft = ComplaintDraft(
            complainant_name="Marieke Jonker",
            complainant_email="marieke@example.org",
            description="De training begon een uur te laat.",
            concerns=(Concern.PERFORMANCE,),
            engagement_description="Training Timemanagement",
            respondent_id=respondent.pk if respondent else None,
        )
        self.oral = oral
        if oral:  # told by phone, written down, confirmed through the personal link
            _record, token = oral_services.oral_record_create(
                by=self.people["officer"],
                told_on=clock.today(),
                how_told="phone",
                draft=draft,
            )
            complaint = oral_services.oral_record_confirm(token=token, text="")
        else:
            complaint = complaint_services.complaint_submit(
                organisation=self.organisation, draft=draft
            ).complaint
        complaint = steps.start(complaint, self.people["officer"])
        if with_subject:  # else registered only when a judgment is sent (steps.judge)
            complaint = steps.classify(complaint, self.people["officer"])
        self.complaint = START_AT[start_at](complaint)
        self.link = steps.link_for(self.complaint)
        revoked = steps.link_for(self.complaint)
        ComplainantLink.objects.filter(pk=revoked.pk).update(revoked_at=clock.now())
        revoked.refresh_from_db()
        self.revoked_link = revoked
        self.final_snapshot = None
        self.last_version = self.complaint.version
        self.refused = 0
        # Time runs from here in steps of the rule `time_passes` (terms, the answer period).
        self.now = clock.now()

    # -- helpers ---------------------------------------------------------------------------

    def attempt(self, step) -> None:
        """Run a step; a refusal must leave everything as it was."""
        before = steps.snapshot(self.complaint)
        try:
            with clock.frozen(self.now):
                step()
        except DomainError:
            self.refused += 1
            assert steps.snapshot(self.complaint) == before, "a refused step changed something"
        self.complaint = steps.fresh(self.complaint)

    def who(self, name: str):
        """ "respondent": the person this complaint is about (when it is about someone)."""
        if name == "respondent" and self.complaint.respondent is not None:
            return self.complaint.respondent
        return self.people[name]

    def complainant_link(self, name: str):
        return self.link if name == "link" else self.revoked_link

    def shown_sha(self, stale: bool) -> str:
        judgments = list(self.complaint.judgments.order_by("version"))
        if not judgments:
            return "0" * 64
        return judgments[0].text_sha256 if stale else judgments[-1].text_sha256

    # -- the officer ---------------------------------------------------------------------------

    @rule(actor=STAFF)
    def notify_respondent(self, actor):
        self.attempt(
            lambda: services.respondent_notify(complaint=self.complaint, by=self.who(actor))
        )

    @rule(actor=STAFF, party=PARTIES, days=st.integers(min_value=-1, max_value=91))
    def invite(self, actor, party, days):
        self.attempt(
            lambda: services.hearing_invite(
                complaint=self.complaint,
                party=party,
                due_date=clock.today() + timedelta(days=days),
                by=self.who(actor),
            )
        )

    @rule(actor=STAFF, party=PARTIES, reason=st.sampled_from(["Geen reactie.", " "]))
    def waive(self, actor, party, reason):
        self.attempt(
            lambda: services.hearing_waive(
                complaint=self.complaint, party=party, reason=reason, by=self.who(actor)
            )
        )

    @rule(
        actor=STAFF,
        verdict=st.sampled_from([*Verdict.values, "maybe"]),
        reasoning=st.sampled_from(["Deels terecht.", "Herzien oordeel.", ""]),
    )
    def issue_judgment(self, actor, verdict, reasoning):
        self.attempt(
            lambda: services.judgment_issue(
                complaint=self.complaint,
                verdict=verdict,
                reasoning=reasoning,
                recommendations=["Begin op tijd."],
                by=self.who(actor),
            )
        )

    @rule(actor=STAFF)
    def refer(self, actor):
        self.attempt(
            lambda: services.referral_record(
                complaint=self.complaint,
                referred_on=clock.today(),
                body_reference="GC-1",
                by=self.who(actor),
            )
        )

    @rule(actor=STAFF, outcome=st.sampled_from(RulingOutcome.values))
    def record_ruling(self, actor, outcome):
        self.attempt(
            lambda: services.ruling_record(
                complaint=self.complaint,
                ruling_on=clock.today(),
                outcome=outcome,
                text="Uitspraak.",
                cause_id=self.cause_id,
                by=self.who(actor),
            )
        )

    @rule(actor=STAFF, satisfaction=st.sampled_from([*Satisfaction.values, ""]))
    def close(self, actor, satisfaction):
        self.attempt(
            lambda: services.complaint_close(
                complaint=self.complaint,
                cause_id=self.cause_id,
                satisfaction=satisfaction,
                by=self.who(actor),
            )
        )

    @rule(days=st.sampled_from([1, 7, 15, 29, 40]))
    def time_passes(self, days):
        """Terms run out, the answer period passes (R-5.5, R-4.3, R-5.7)."""
        self.now += timedelta(days=days)

    @rule(actor=STAFF, days=st.integers(min_value=-1, max_value=100))
    def extend(self, actor, days):
        self.attempt(
            lambda: complaint_services.complaint_extend_deadline(
                complaint=self.complaint,
                new_deadline=self.complaint.deadline + timedelta(days=days),
                reason="Een getuige moet nog gehoord worden.",
                by=self.who(actor),
            )
        )

    @rule(actor=STAFF, to=st.sampled_from(["officer", "other_staff", "respondent"]))
    def hand_over(self, actor, to):
        """To another officer — never to the one the complaint is about (R-5.4)."""
        self.attempt(
            lambda: complaint_services.complaint_assign_officer(
                complaint=self.complaint,
                officer=self.people[to],
                by=self.who(actor),
                expected_officer_id=self.complaint.assigned_officer_id,
            )
        )

    @rule(actor=STAFF)
    def declare_not_admissible(self, actor):
        self.attempt(
            lambda: services.complaint_declare_not_admissible(
                complaint=self.complaint, reasons="Geen klacht.", by=self.who(actor)
            )
        )

    @rule(
        actor=STAFF,
        answer=st.sampled_from(PaperAnswer.values),
        via=st.sampled_from([Via.WRITING, Via.PHONE]),
        older=STALE,
        with_scan=st.booleans(),
    )
    def paper_answer(self, actor, answer, via, older, with_scan):
        """The officer records an answer given by letter or phone; the scan may be of an
        older version (refused)."""
        current = selectors.current_judgment(self.complaint)
        version = (current.version if current else 1) - (1 if older else 0)
        self.attempt(
            lambda: services.judgment_answer_record(
                complaint=self.complaint,
                answer=answer,
                via=via,
                signed_version=version,
                comment="Per post.",
                document=("getekend.pdf", io.BytesIO(samples.pdf())) if with_scan else None,
                by=self.who(actor),
            )
        )

    @rule(actor=STAFF, older=STALE)
    def paper_signature(self, actor, older):
        current = selectors.current_judgment(self.complaint)
        version = (current.version if current else 1) - (1 if older else 0)
        self.attempt(
            lambda: services.paper_signature_record(
                complaint=self.complaint,
                signed_version=version,
                document=("getekend.pdf", io.BytesIO(samples.pdf())),
                by=self.who(actor),
            )
        )

    @rule(actor=STAFF)
    def close_no_answer(self, actor):
        self.attempt(
            lambda: services.complaint_close_no_answer(
                complaint=self.complaint,
                cause_id=self.cause_id,
                satisfaction=Satisfaction.UNKNOWN,
                by=self.who(actor),
            )
        )

    # -- the officer or the person complained about -------------------------------------------

    @rule(actor=ANYONE, party=PARTIES, via=st.sampled_from([Via.PHONE, Via.WRITING, Via.LOG_IN]))
    def statement(self, actor, party, via):
        """The complainant through a link; staff logged in (the officer records one)."""
        if actor in ("link", "revoked_link"):
            step = lambda: services.statement_give_as_complainant(  # noqa: E731
                complaint=self.complaint, text="Mijn verhaal.", link=self.complainant_link(actor)
            )
        else:
            step = lambda: services.statement_give_as_staff(  # noqa: E731
                complaint=self.complaint,
                text="Mijn kant.",
                by=self.who(actor),
                party=party,
                via=via,
            )
        self.attempt(step)

    @rule(actor=STAFF)
    def propose(self, actor):
        self.attempt(
            lambda: services.proposal_make(
                complaint=self.complaint, text="Korting.", by=self.who(actor)
            )
        )

    @rule(actor=STAFF, stale=STALE)
    def sign(self, actor, stale):
        self.attempt(
            lambda: services.judgment_sign(
                complaint=self.complaint, shown_sha256=self.shown_sha(stale), by=self.who(actor)
            )
        )

    # -- the complainant -----------------------------------------------------------------------

    @rule(via=COMPLAINANT, answer=ANSWERS)
    def answer_proposal(self, via, answer):
        proposal = self.complaint.proposals.order_by("-pk").first()
        self.attempt(
            lambda: services.proposal_answer(
                proposal_id=proposal.pk if proposal else 0,
                complaint=self.complaint,
                answer=answer,
                comment="",
                link=self.complainant_link(via),
            )
        )

    @rule(via=COMPLAINANT, answer=ANSWERS, stale=STALE)
    def answer_judgment(self, via, answer, stale):
        self.attempt(
            lambda: services.judgment_answer(
                complaint=self.complaint,
                answer=answer,
                shown_sha256=self.shown_sha(stale),
                link=self.complainant_link(via),
            )
        )

    @rule(actor=ANYONE)
    def withdraw(self, actor):
        """The complainant through a link, or the officer on their behalf."""
        if actor in ("link", "revoked_link"):
            step = lambda: services.complaint_withdraw_by_complainant(  # noqa: E731
                complaint=self.complaint, reason="", link=self.complainant_link(actor)
            )
        else:
            step = lambda: services.complaint_withdraw_on_behalf(  # noqa: E731
                complaint=self.complaint, reason="Per telefoon.", by=self.who(actor)
            )
        self.attempt(step)

    # -- invariants ----------------------------------------------------------------------------

    def events(self):
        return list(self.complaint.events.order_by("seq"))

    @invariant()
    def r5_6_no_judgment_without_both_sides_heard_or_waived(self):
        heard, waived = set(), set()
        has_respondent = self.complaint.respondent_id is not None
        for event in self.events():
            if event.type == EventType.STATEMENT_GIVEN:
                heard.add(event.data["party"])
            elif event.type == EventType.HEARING_WAIVED:
                waived.add(event.data["party"])
            elif event.type == EventType.JUDGMENT_ISSUED:
                missing = hearing.sides_not_heard(
                    has_respondent=has_respondent, heard=heard, waived=waived
                )
                assert not missing, f"judgment v{event.data['version']} before hearing {missing}"

    @invariant()
    def r5_7_signatures_bind_to_their_judgment_text(self):
        for signature in Signature.objects.filter(
            judgment__complaint=self.complaint
        ).select_related("judgment"):
            assert signature.text_sha256 == signature.judgment.text_sha256

    @invariant()
    def r5_7_resolved_means_all_required_signers_signed_the_current_text(self):
        resolved = [e for e in self.events() if e.type == EventType.RESOLVED]
        if self.complaint.status != Status.RESOLVED and not resolved:
            return
        current = selectors.current_judgment(self.complaint)
        assert current is not None
        assert not signatures.missing_signers(
            has_respondent=self.complaint.respondent_id is not None,
            signatures=current.signatures.all(),
            current_sha256=current.text_sha256,
        )
        assert [e.data["text_sha256"] for e in resolved] == [current.text_sha256]

    @invariant()
    def r1_1_an_oral_complaint_runs_from_its_written_confirmation(self):
        if not self.oral:
            return
        record = self.complaint.oral_record
        first = self.events()[0]
        assert first.type == EventType.ORAL_HISTORY
        assert self.complaint.received_at == record.confirmed_at
        assert self.complaint.channel == Channel.ORAL

    @invariant()
    def r5_4_the_handling_officer_is_never_the_person_complained_about(self):
        complaint = self.complaint
        assert complaint.assigned_officer_id is not None
        assert complaint.assigned_officer_id != complaint.respondent_id

    @invariant()
    def r4_3_referred_only_after_a_response_or_the_term(self):
        """Referred from a judgment declined, a not admissible declaration, or once the
        (extended) term had passed without a judgment."""
        for event in self.events():
            if event.type != EventType.REFERRED:
                continue
            source = event.data["status_from"]
            assert source in (Status.UNRESOLVED, Status.NOT_ADMISSIBLE, *AWAITING_JUDGMENT)
            if source in AWAITING_JUDGMENT:
                assert clock.local_date(event.at) > self.deadline_at(event)

    def deadline_at(self, event):
        """The deadline in force when `event` happened (the original, or the last extension
        made before it)."""
        deadline = self.complaint.original_deadline
        for extension in self.complaint.extensions.filter(extended_at__lt=event.at):
            deadline = max(deadline, extension.new_deadline)
        return deadline

    @invariant()
    def r5_7_no_answer_closing_only_after_the_period(self):
        for event in self.events():
            if event.type == EventType.CLOSED and event.data.get("no_answer"):
                assert event.data["status_from"] == Status.JUDGED
                judgment = selectors.current_judgment(self.complaint)
                assert not judgment.answers.exists()
                assert (
                    clock.local_date(event.at) - clock.local_date(judgment.issued_at)
                ).days >= 28

    @invariant()
    def r7_4_nothing_changes_after_a_final_status(self):
        if self.complaint.status not in FINAL_STATUSES:
            # a not admissible complaint may still go to the disputes body.
            self.final_snapshot = None
            return
        now = steps.snapshot(self.complaint)
        if self.final_snapshot is None:
            self.final_snapshot = now
        assert now == self.final_snapshot

    @invariant()
    def r7_4_every_status_change_is_in_the_dossier(self):
        chain = [e.data for e in self.events() if "status_to" in e.data]
        status = Status.RECEIVED
        for data in chain:
            assert data["status_from"] == status, chain
            assert data["status_to"] != status
            status = data["status_to"]
        assert status == self.complaint.status

    @invariant()
    def r8_1_exactly_one_statistics_row_per_ended_complaint(self):
        """R-8.1, R-8.3: an ended complaint is counted once, an open one not at all."""
        rows = list(ComplaintStatistic.objects.filter(complaint=self.complaint))
        recorded = [e for e in self.events() if e.type == EventType.STATISTICS_RECORDED]
        ended_before = any(e.type == EventType.NOT_ADMISSIBLE for e in self.events())
        if self.complaint.status in FINAL_STATUSES or ended_before:
            # Declared not admissible, then referred: counted once, as not admissible.
            assert len(rows) == 1 and len(recorded) == 1
            assert rows[0].outcome == recorded[0].data["outcome"]
        else:
            assert rows == [] and recorded == []

    @invariant()
    def r8_1_only_the_complainants_own_withdrawal_ends_without_a_subject(self):
        if self.complaint.status in FINAL_STATUSES and not self.complaint.subjects.exists():
            assert self.complaint.status == Status.WITHDRAWN
            [withdrawn] = [e for e in self.events() if e.type == EventType.WITHDRAWN]
            assert withdrawn.actor_role == ActorRole.COMPLAINANT

    @invariant()
    def r7_4_event_numbers_run_without_gaps(self):
        assert [e.seq for e in self.events()] == list(range(1, len(self.events()) + 1))

    @invariant()
    def version_only_goes_up(self):
        assert self.complaint.version >= self.last_version
        self.last_version = self.complaint.version

    @invariant()
    def r4_3_referral_hold_open_exactly_while_with_the_disputes_body(self):
        # the referral's hold is a row, opened by the referral and lifted by the ruling.
        assert has_open_referral_hold(self.complaint) == (self.complaint.status == Status.REFERRED)


@pytest.mark.django_db
def test_r5_r7_4_random_procedures_keep_the_invariants(org, officer, second_officer, staff_member):
    Procedure.organisation = org
    Procedure.cause_id = steps.cause_in(org, officer)
    Procedure.people = {
        "officer": officer,
        "respondent": staff_member,
        "other_staff": second_officer,
    }
    run_state_machine_as_test(
        Procedure,
        settings=settings(
            max_examples=15,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
