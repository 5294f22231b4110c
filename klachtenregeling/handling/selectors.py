"""Reads of the procedure, scoped by the policy (R-6.1)."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import AWAITING_JUDGMENT, AttachmentKind, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core.errors import NotPermitted

from .constants import Signer
from .models import HearingInvitation, HearingWaiver, Judgment, Statement
from .rules import hearing, signatures
from .services.endings import referral_conditions


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

    @property
    def status(self) -> str:
        return self.complaint.status

    @property
    def in_hearing(self) -> bool:
        return self.status in workflow.HEARING_ALLOWED

    @property
    def may_judge(self) -> bool:
        return self.status in workflow.JUDGMENT_ALLOWED

    @property
    def in_signing(self) -> bool:
        return self.status in workflow.SIGNING_ALLOWED

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
        return self.status == Status.RECEIVED or self.in_hearing

    @property
    def may_refer(self) -> bool:
        return workflow.can_transition(self.status, Status.REFERRED)

    @property
    def may_export_case_file(self) -> bool:
        return self.status in workflow.REFERRAL_ALLOWED

    @property
    def may_record_ruling(self) -> bool:
        return self.status in workflow.RULING_ALLOWED

    @property
    def may_close(self) -> bool:
        return self.status in workflow.CLOSING_ALLOWED

    @property
    def awaiting_judgment(self) -> bool:
        return self.status in AWAITING_JUDGMENT

    @property
    def with_disputes_body_route(self) -> bool:
        """Not resolved: the complainant is shown the way to the disputes body (R-4.3)."""
        return self.status in (Status.UNRESOLVED, Status.REFERRED)

    @property
    def may_withdraw(self) -> bool:
        return workflow.can_transition(self.status, Status.WITHDRAWN)

    @property
    def may_declare_not_admissible(self) -> bool:
        return workflow.can_transition(self.status, Status.NOT_ADMISSIBLE)

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


def respondent_letters(complaint: Complaint) -> QuerySet:
    """The letters addressed to the person complained about: what they may download — never
    the complainant's, which carry the complainant's contact details (R-6.1)."""
    return complaint.attachments.filter(kind=AttachmentKind.RESPONDENT_LETTER).order_by(
        "uploaded_at"
    )


def timeline_for_complainant(complaint: Complaint) -> QuerySet:
    """The steps that concern the complainant; never internal notes (R-7.3)."""
    return complaint.events.filter(visible_to_complainant=True).order_by("seq")


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
