"""Reads of the procedure, scoped by the policy (R-6.1)."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import AWAITING_JUDGMENT, AttachmentKind, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.regulation.selectors import days_off_rule_of

from . import guards
from .constants import Signer
from .models import HearingInvitation, HearingWaiver, Judgment, Statement
from .rules import answers as answer_rules
from .rules import hearing, signatures
from .rules import referral as referral_rules


def current_judgment(complaint: Complaint) -> Judgment | None:
    """The latest version of the judgment, or None before one was sent."""
    return complaint.judgments.order_by("-version").first()


def referral_conditions(
    complaint: Complaint, today: date | None = None
) -> list[referral_rules.Condition]:
    """R-4.3: whether De Geschillencommissie will take the case, shown to the officer. The
    company responded with a judgment, or with its letter that the complaint is not
    admissible."""
    return referral_rules.conditions(
        received_on=clock.local_date(complaint.received_at),
        written=True,  # every registered complaint is written
        responded=complaint.status == Status.NOT_ADMISSIBLE or complaint.judgments.exists(),
        today=today or clock.today(),
    )


def answer_dates(complaint: Complaint) -> answer_rules.AnswerDates | None:
    """When the complainant is reminded to answer the current judgment, and from when the
    officer may close the complaint as "no answer" (None: no judgment yet)."""
    judgment = current_judgment(complaint)
    if judgment is None:
        return None
    organisation = complaint.organisation
    return answer_rules.answer_dates(
        judged_on=clock.local_date(judgment.issued_at),
        reminder_days=organisation.answer_reminder_days,
        no_answer_days=organisation.no_answer_days,
        days_off=days_off_rule_of(organisation, complaint.regulation_version),
    )


# The steps on the officer's dossier, in the order of the procedure (templates in
# handling/officer/steps/<name>.html; each shows only when its guard allows it).
STEP_ORDER = (
    "respondent",
    "notify",
    "invite",
    "recorded_statement",
    "waiver",
    "update",
    "proposal",
    "judgment",
    "sign",
    "paper_answer",
    "paper_signature",
    "no_answer",
    "referral",
    "case_file",
    "ruling",
    "close",
    "withdraw",
    "not_admissible",
)


@dataclass
class Procedure:
    """Where the procedure stands: what the pages show and which steps they offer."""

    complaint: Complaint
    invitations: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    waivers: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    judgment: Judgment | None = None
    signatures: list = field(default_factory=list)
    answer: object = None
    sides_not_heard: frozenset = frozenset()
    missing_signers: frozenset = frozenset()
    referral: object = None
    conditions: list = field(default_factory=list)
    answer_dates: object = None  # reminder and "no answer" dates, while unanswered

    @property
    def status(self) -> str:
        return self.complaint.status

    def allows(self, guard: guards.Guard) -> bool:
        return guards.allowed(guard, self.complaint)

    @property
    def in_hearing(self) -> bool:
        return self.allows(guards.hear)

    @property
    def may_notify_respondent(self) -> bool:
        return self.allows(guards.notify_respondent)

    @property
    def may_add_to_solution(self) -> bool:
        return self.allows(guards.add_to_solution)

    @property
    def may_judge(self) -> bool:
        return self.allows(guards.judge)

    @property
    def in_signing(self) -> bool:
        return self.allows(guards.sign)

    @property
    def complainant_signed(self) -> bool:
        return any(s.signer == Signer.COMPLAINANT for s in self.signatures)

    def signed_by(self, signer: str) -> bool:
        return any(s.signer == signer for s in self.signatures)

    @property
    def officer_signed(self) -> bool:
        return self.signed_by(Signer.OFFICER)

    @property
    def respondent_signed(self) -> bool:
        return self.signed_by(Signer.RESPONDENT)

    @property
    def may_name_respondent(self) -> bool:
        return self.allows(guards.name_respondent)

    @property
    def route_reason(self) -> str | None:
        """R-4.3: why the complainant may go to the disputes body now (None: not now)."""
        return referral_rules.route_reason(
            status=self.status, deadline=self.complaint.deadline, today=clock.today()
        )

    @property
    def may_refer(self) -> bool:
        return self.allows(guards.refer)

    @property
    def may_export_case_file(self) -> bool:
        return self.allows(guards.export_case_file)

    @property
    def may_record_ruling(self) -> bool:
        return self.allows(guards.record_ruling)

    @property
    def may_close(self) -> bool:
        return self.allows(guards.close)

    @property
    def awaiting_judgment(self) -> bool:
        return self.status in AWAITING_JUDGMENT

    @property
    def with_disputes_body_route(self) -> bool:
        """Not resolved, not admissible, or the term passed without a judgment: the
        complainant is shown the way to the disputes body (R-4.3)."""
        return self.status == Status.REFERRED or self.route_reason is not None

    @property
    def may_record_paper_answer(self) -> bool:
        """R-5.7: the complainant answered by letter or phone (not yet answered)."""
        return self.in_signing and self.judgment is not None and not self.answer

    @property
    def may_record_paper_signature(self) -> bool:
        return (
            self.in_signing
            and self.complainant_signed
            and self.complaint.respondent_id is not None
            and not self.respondent_signed
        )

    @property
    def may_close_no_answer(self) -> bool:
        return self.answer_dates is not None and clock.today() >= self.answer_dates.close_from

    @property
    def may_withdraw(self) -> bool:
        return self.allows(guards.withdraw)

    @property
    def may_declare_not_admissible(self) -> bool:
        return self.allows(guards.declare_not_admissible)

    @property
    def expected(self) -> list[str]:
        """The one or two steps the procedure expects now, shown first and open on the
        dossier (issue 17): inform, hear, judge; sign, record the answer; refer or close."""
        c = self.complaint
        if self.in_hearing:
            if c.respondent_id is not None and c.respondent_notified_at is None:
                return ["notify"]
            if self.sides_not_heard:
                return ["invite", "recorded_statement"]
            return ["judgment"]
        if self.in_signing:
            if self.complainant_signed and not self.officer_signed:
                return ["sign"]
            if self.may_record_paper_answer:
                return ["paper_answer", *(["no_answer"] if self.may_close_no_answer else [])]
            if self.may_record_paper_signature and not self.respondent_signed:
                return ["paper_signature"]
            return []
        if self.status == Status.UNRESOLVED:
            return ["referral", "close"]
        if self.status == Status.RESOLVED:
            return ["close"]
        if self.may_record_ruling:
            return ["ruling"]
        if self.may_refer:
            return ["referral"]
        return []

    @property
    def other_steps(self) -> list[str]:
        """Every other step, in the order of the procedure (each shows only when possible)."""
        expected = self.expected
        return [name for name in STEP_ORDER if name not in expected]

    @property
    def answered_proposals(self) -> list:
        """Accepted and declined proposals stay in the history (issue 17)."""
        return [p for p in self.proposals if p.answer]

    @property
    def open_proposals(self) -> list:
        return [p for p in self.proposals if not p.answer]


def procedure(complaint: Complaint) -> Procedure:
    statements = list(complaint.statements.select_related("recorded_by"))
    waivers = list(complaint.waivers.all())
    judgment = (
        complaint.judgments.select_related("letter", "issued_by").order_by("-version").first()
    )
    sigs = list(judgment.signatures.all()) if judgment else []
    has_respondent = complaint.respondent_id is not None
    result = Procedure(
        complaint=complaint,
        invitations=list(complaint.invitations.all()),
        statements=statements,
        waivers=waivers,
        proposals=list(complaint.proposals.select_related("proposed_by")),
        judgment=judgment,
        signatures=[s for s in sigs if s.text_sha256 == judgment.text_sha256] if judgment else [],
        answer=judgment.answers.first() if judgment else None,
        sides_not_heard=hearing.sides_not_heard(
            has_respondent=has_respondent,
            heard=[s.party for s in statements],
            waived=[w.party for w in waivers],
        ),
        missing_signers=signatures.missing_signers(
            has_respondent=has_respondent,
            signatures=sigs,
            current_sha256=judgment.text_sha256 if judgment else "",
        ),
        referral=getattr(complaint, "referral", None),
    )
    if result.with_disputes_body_route:
        result.conditions = referral_conditions(complaint)
    if result.in_signing and judgment is not None and result.answer is None:
        result.answer_dates = answer_dates(complaint)
    return result


def staff_who_may_be_respondent(complaint: Complaint, officer) -> list:
    """Active staff of the organisation, except the handling officer (R-5.4)."""
    return list(
        get_user_model()
        .objects.filter(organisation_id=complaint.organisation_id, is_active=True)
        .exclude(pk=officer.pk)
        .order_by("first_name", "last_name", "username")
    )


def complaints_about(user) -> QuerySet[Complaint]:
    """R-5.2, R-6.1: the complaints about `user` they were informed of — and only those."""
    if not (user.is_authenticated and user.organisation_id):
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(
            organisation_id=user.organisation_id,
            respondent=user,
            respondent_notified_at__isnull=False,
        )
        .only(
            "id",
            "reference",
            "status",
            "received_at",
            "deadline",
            "organisation_id",
            "respondent_id",
        )
        .order_by("-received_at")
    )


def complaint_about(user, reference: str) -> Complaint:
    complaint = (
        Complaint.objects.filter(organisation_id=user.organisation_id, reference=reference)
        .select_related("organisation", "engagement", "assigned_officer", "respondent")
        .first()
    )
    if complaint is None or not policies.can(
        user, policies.COMPLAINT_VIEW_AS_RESPONDENT, complaint
    ):
        raise NotPermitted("not found")
    return complaint


def letters(complaint: Complaint) -> QuerySet:
    """The letters (PDF) sent to the complainant: what the complainant may download."""
    return complaint.attachments.filter(kind=AttachmentKind.LETTER).order_by("uploaded_at")


def complainant_files(complaint: Complaint) -> QuerySet:
    """The complainant's own files: the original they sent and what they attached (on the
    form, through the API or on their page) — not the officer's documents (issue 17)."""
    return complaint.attachments.filter(
        Q(kind=AttachmentKind.ORIGINAL)
        | Q(kind=AttachmentKind.SUPPORTING, uploaded_by__isnull=True)
    ).order_by("uploaded_at", "filename")


def shared_with_respondent_ids(complaint: Complaint) -> set:
    """The attachments the officer shares with the person complained about now: those whose
    latest choice (AttachmentShare) is "shared"."""
    latest: dict = {}
    for share in complaint.shares.order_by("at", "pk"):
        latest[share.attachment_id] = share.shared
    return {pk for pk, shared in latest.items() if shared}


def shared_with_respondent(complaint: Complaint) -> QuerySet:
    """What the person complained about may download besides their letters (issue 17)."""
    return complaint.attachments.filter(pk__in=shared_with_respondent_ids(complaint)).order_by(
        "uploaded_at", "filename"
    )


def respondent_letters(complaint: Complaint) -> QuerySet:
    """The letters addressed to the person complained about: what they may download — never
    the complainant's, which carry the complainant's contact details (R-6.1)."""
    return complaint.attachments.filter(kind=AttachmentKind.RESPONDENT_LETTER).order_by(
        "uploaded_at"
    )


def timeline_for_complainant(complaint: Complaint) -> QuerySet:
    """The steps of the complaint that concern the complainant; never internal notes (R-7.3),
    and not the mail traffic about them (queued, delivered): the step itself is there."""
    return (
        complaint.events.filter(visible_to_complainant=True)
        .exclude(type__in=MAIL_TRAFFIC)
        .order_by("seq")
    )


# Events about the delivery of a message, not steps of the complaint (issue 17).
# A letter's posting (issue 16) is its delivery: in the officer's dossier, not a step here.
MAIL_TRAFFIC = (
    EventType.MESSAGE_QUEUED,
    EventType.MESSAGE_SENT,
    EventType.MESSAGE_FAILED,
    EventType.MESSAGE_POSTED,
)


def outstanding_invitations() -> QuerySet[HearingInvitation]:
    """Invitations to give an account that still wait for an answer (R-5.2, R-7.1): the
    latest invitation of a party, no account of that party since, no reason recorded
    why that side is not heard, while the hearing runs."""
    answered = Statement.objects.filter(
        complaint=OuterRef("complaint"),
        party=OuterRef("party"),
        given_at__gte=OuterRef("invited_at"),
    )
    waived = HearingWaiver.objects.filter(complaint=OuterRef("complaint"), party=OuterRef("party"))
    newer = HearingInvitation.objects.filter(
        complaint=OuterRef("complaint"),
        party=OuterRef("party"),
        invited_at__gt=OuterRef("invited_at"),
    )
    return HearingInvitation.objects.filter(
        ~Exists(answered),
        ~Exists(waived),
        ~Exists(newer),
        complaint__status__in=workflow.HEARING_ALLOWED,
    )
